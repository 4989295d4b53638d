// The checked-in generated types match what `npm run gen:types` makes from the protos today.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';

function listFiles(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(prefix, e.name);
    return e.isDirectory() ? listFiles(path.join(dir, e.name), rel) : [rel];
  });
}

it('has generated types in step with protos/ (run `npm run gen:types` if this fails)', () => {
  const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'trib-gen-'));
  try {
    execFileSync(process.execPath, [path.join(__dirname, '../scripts/gen-types.js'), fresh], {
      stdio: 'pipe',
    });
    const committed = path.join(__dirname, '../src/generated');
    const files = listFiles(fresh).sort();
    expect(listFiles(committed).sort()).toEqual(files);
    for (const file of files) {
      const want = fs.readFileSync(path.join(fresh, file), 'utf8');
      expect({ file, same: fs.readFileSync(path.join(committed, file), 'utf8') === want }).toEqual({
        file,
        same: true,
      });
    }
  } finally {
    fs.rmSync(fresh, { recursive: true, force: true });
  }
});
