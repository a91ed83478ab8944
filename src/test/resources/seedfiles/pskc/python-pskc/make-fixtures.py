#!/usr/bin/python3
# Writes the PSKC fixtures in this folder with python-pskc (Debian package python3-pskc,
# part of pskc-utils), covering what its command line tools cannot set: AES-192/256,
# MACs other than HMAC-SHA1, a PBKDF2 function other than HMAC-SHA1 and a key name.
# Run from this folder with the system Python: /usr/bin/python3 make-fixtures.py
import pskc

TOTP = 'urn:ietf:params:xml:ns:keyprov:pskc:totp'
HOTP = 'urn:ietf:params:xml:ns:keyprov:pskc:hotp'


def add_tokens(container):
    container.add_key(
        id='KF-S256-0001', serial='KF-S256-0001', algorithm=TOTP, algorithm_suite='HMAC-SHA256',
        secret=b'12345678901234567890123456789012', response_length=8, response_encoding='DECIMAL',
        time_interval=30, manufacturer='Keyfob Test')
    container.add_key(
        id='KF-H-0002', serial='KF-H-0002', algorithm=HOTP, secret=b'12345678901234567890',
        response_length=6, response_encoding='DECIMAL', counter=3, manufacturer='Keyfob Test')


aes256 = pskc.PSKC()
add_tokens(aes256)
aes256.mac.setup(algorithm='hmac-sha256')
aes256.encryption.setup_preshared_key(
    key=bytes(range(32)), algorithm='aes256-cbc', key_name='Keyfob test key')
aes256.write('aes256-hmac-sha256.pskcxml')

pbkdf2 = pskc.PSKC()
add_tokens(pbkdf2)
pbkdf2.mac.setup(algorithm='hmac-sha512')
pbkdf2.encryption.setup_pbkdf2(
    'correct horse battery staple', algorithm='aes192-cbc', iterations=2000, prf='hmac-sha256',
    key_name='Keyfob test password')
pbkdf2.write('pbkdf2-hmac-sha256.pskcxml')
