-- The API checks on every request that its access token was not revoked: look tokens up by value.
create index ix_oauth2_authorization_access_token on oauth2_authorization (access_token_value);
