// ECMAScript's Number::toString, as node implements it, for the doubles whose IEEE-754 bit
// patterns (16 hex digits, one a line) are in the file named by the first argument: String(x),
// one a line, on stdout. Used by NodeAgreementTest.
const fs = require('fs');
const view = new DataView(new ArrayBuffer(8));
const out = [];
for (const line of fs.readFileSync(process.argv[2], 'latin1').split('\n')) {
  if (line.length === 0) continue;
  view.setUint32(0, parseInt(line.slice(0, 8), 16));
  view.setUint32(4, parseInt(line.slice(8, 16), 16));
  out.push(String(view.getFloat64(0)));
}
process.stdout.write(out.join('\n') + '\n');
