// Prints a fresh X25519 key pair as env lines (base64 PEM) for invitation links: the gateway seals each invitation's
// accept URL to INVITATION_LINK_PUBLIC_KEY; only the notifications service, holding INVITATION_LINK_PRIVATE_KEY, opens
// it to send the email.  node tools/scripts/generate-invitation-link-keys.js >> .env
const { generateKeyPairSync } = require('node:crypto');
const { publicKey, privateKey } = generateKeyPairSync('x25519');
const b64 = (k, type) => Buffer.from(k.export({ type, format: 'pem' })).toString('base64');
process.stdout.write(`INVITATION_LINK_PUBLIC_KEY=${b64(publicKey, 'spki')}\nINVITATION_LINK_PRIVATE_KEY=${b64(privateKey, 'pkcs8')}\n`);
