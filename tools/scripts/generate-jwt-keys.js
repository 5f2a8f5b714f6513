// Prints a fresh Ed25519 key pair as env lines (base64 PEM): the gateway signs access tokens with
// JWT_PRIVATE_KEY, every service verifies them with JWT_PUBLIC_KEY.  node tools/scripts/generate-jwt-keys.js > .env
const { generateKeyPairSync } = require('node:crypto');
const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const b64 = (k, type) => Buffer.from(k.export({ type, format: 'pem' })).toString('base64');
process.stdout.write(`JWT_PUBLIC_KEY=${b64(publicKey, 'spki')}\nJWT_PRIVATE_KEY=${b64(privateKey, 'pkcs8')}\n`);
