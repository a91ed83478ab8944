#!/usr/bin/env bash
# Keyfob quickstart with curl: an app token from the bootstrap client, two users and a group,
# members, the Authentication Policy Administrator role for one user, then that user signs in
# through keyfob-cli's authorization code flow with PKCE and reads /beta/me.
#
#   KEYFOB=http://localhost:8080 CLIENT_ID=... CLIENT_SECRET=... docs/examples/quickstart.sh
#
# CLIENT_ID and CLIENT_SECRET are the bootstrap client's, printed on Keyfob's first start.
# Needs curl, openssl, sed. Here curl plays the browser; a real command line opens one.
set -euo pipefail

KEYFOB=${KEYFOB:-http://localhost:8080}
: "${CLIENT_ID:?set CLIENT_ID to the bootstrap client id}"
: "${CLIENT_SECRET:?set CLIENT_SECRET to the bootstrap client secret}"

field() { sed -n 's/.*"'"$1"'"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' | head -n 1; }
base64url() { base64 | tr '+/' '-_' | tr -d '=\n'; }

tag=$(date +%s)
amy="amy.$tag@example.org"
amy_password="Amy-$tag-password"

echo "1. App-only token for the bootstrap client (client credentials)"
app=$(curl -sf -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials "$KEYFOB/oauth2/token" \
	| field access_token)
graph() { curl -sf -H "Authorization: Bearer $app" -H 'Content-Type: application/json' "$@"; }

echo "2. Two users"
amy_id=$(graph -d '{"accountEnabled": true, "displayName": "Amy Masters", "mailNickname": "amy",
	"userPrincipalName": "'"$amy"'", "passwordProfile": {"password": "'"$amy_password"'"}}' \
	"$KEYFOB/beta/users" | field id)
bob_id=$(graph -d '{"accountEnabled": true, "displayName": "Bob Jones", "userPrincipalName": "bob.'"$tag"'@example.org"}' \
	"$KEYFOB/beta/users" | field id)

echo "3. A group with both as members"
group_id=$(graph -d '{"displayName": "Token pilots '"$tag"'", "mailEnabled": false, "securityEnabled": true}' \
	"$KEYFOB/beta/groups" | field id)
for member in "$amy_id" "$bob_id"; do
	graph -d '{"@odata.id": "'"$KEYFOB"'/beta/directoryObjects/'"$member"'"}' "$KEYFOB/beta/groups/$group_id/members/\$ref"
done
graph "$KEYFOB/beta/groups/$group_id/members" | grep -o '"userPrincipalName":"[^"]*"'

echo "4. Amy becomes Authentication Policy Administrator"
graph -d '{"principalId": "'"$amy_id"'", "roleDefinitionId": "0526716b-113d-4c15-b2c8-68e3c22b9f80",
	"directoryScopeId": "/"}' "$KEYFOB/beta/roleManagement/directory/roleAssignments" > /dev/null

echo "5. Amy signs in through keyfob-cli: authorization code with PKCE"
verifier=$(openssl rand 48 | base64url)
challenge=$(printf '%s' "$verifier" | openssl dgst -sha256 -binary | base64url)
redirect="http://127.0.0.1:53682/callback"
scope="openid User.Read Policy.ReadWrite.AuthenticationMethod"
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT
browser() { curl -s -c "$jar" -b "$jar" -H 'Accept: text/html' "$@"; }
browser -o /dev/null -G "$KEYFOB/oauth2/authorize" -d response_type=code -d client_id=keyfob-cli \
	--data-urlencode "redirect_uri=$redirect" --data-urlencode "scope=$scope" -d state="$tag" \
	-d code_challenge="$challenge" -d code_challenge_method=S256
csrf=$(browser "$KEYFOB/login" | sed -n 's/.*name="_csrf"[[:space:]]*value="\([^"]*\)".*/\1/p')
next=$(browser -o /dev/null -w '%{redirect_url}' --data-urlencode "username=$amy" \
	--data-urlencode "password=$amy_password" --data-urlencode "_csrf=$csrf" "$KEYFOB/login")
callback=$(browser -o /dev/null -w '%{redirect_url}' "$next")
code=$(printf '%s' "$callback" | sed -n 's/.*[?&]code=\([^&]*\).*/\1/p')
user=$(curl -sf -d grant_type=authorization_code -d client_id=keyfob-cli --data-urlencode "code=$code" \
	--data-urlencode "redirect_uri=$redirect" -d code_verifier="$verifier" "$KEYFOB/oauth2/token" \
	| field access_token)

echo "6. Amy reads /beta/me"
curl -sf -H "Authorization: Bearer $user" "$KEYFOB/beta/me"
echo
