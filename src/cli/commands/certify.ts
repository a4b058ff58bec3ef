import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { issueCertificate } from "../../certificate/issue.js";
import type { AutonomyCertificate } from "../../certificate/types.js";
import { verifyCertificate } from "../../certificate/verify.js";
import { CliUsageError, type CliCommand } from "../io.js";
import { withStore } from "../open-store.js";

/**
 * `autonomy-gate certify`: issue an autonomy certificate for a scope, or verify one against the
 * live database (exit 0 valid, 1 invalid with what changed, 2 bad input).
 */
export const certifyCommand: CliCommand = {
  name: "certify",
  summary: "Issue an autonomy certificate for a scope (JSON, content-hashed), or --verify one",
  usage: "autonomy-gate certify <scope> [--out FILE] [--golden-pass-rate X] [--db URL] | certify --verify FILE [--db URL]",
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        db: { type: "string" },
        out: { type: "string" },
        verify: { type: "string" },
        "golden-pass-rate": { type: "string" },
      },
      allowPositionals: true,
      strict: true,
    });
    if (values.verify !== undefined) {
      if (positionals.length > 0 || values.out !== undefined) throw new CliUsageError("--verify FILE takes no scope and no --out");
      const file = resolve(io.cwd, values.verify);
      const certificate = parseJson(await readText(file), file);
      const check = await withStore(values.db, io, (store) => verifyCertificate(store, certificate));
      const name = describe(certificate);
      if (check.valid) {
        io.stdout(`Certificate ${name} is valid: the provenance, policy version and evidence epoch still match.\n`);
        return 0;
      }
      io.stderr(`Certificate ${name} is NOT valid:\n${check.problems.map((p) => `  - ${p}`).join("\n")}\n`);
      return 1;
    }
    const [scope] = positionals;
    if (!scope || positionals.length !== 1) throw new CliUsageError(`Expected one scope, got: ${positionals.join(" ") || "nothing"}`);
    const golden = values["golden-pass-rate"];
    const goldenPassRate = golden === undefined ? null : Number(golden);
    if (goldenPassRate !== null && !(goldenPassRate >= 0 && goldenPassRate <= 1)) {
      throw new CliUsageError(`--golden-pass-rate must be a number in [0, 1], got ${golden}`);
    }
    const certificate = await withStore(values.db, io, (store) => issueCertificate(store, scope, { goldenPassRate }));
    const json = `${JSON.stringify(certificate, null, 2)}\n`;
    if (values.out === undefined) {
      io.stdout(json);
      return 0;
    }
    const out = resolve(io.cwd, values.out);
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, json);
    io.stdout(`Certificate for ${scope} (${certificate.level}, ${certificate.role}) written to ${out}\n`);
    return 0;
  },
};

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch {
    throw new CliUsageError(`Cannot read certificate file ${file}`);
  }
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CliUsageError(`${file} is not JSON`);
  }
}

function describe(certificate: unknown): string {
  const c = certificate as Partial<AutonomyCertificate> | null;
  return c && typeof c.scope === "string" ? `for ${c.scope} (${c.level ?? "?"}, issued ${c.issuedAt ?? "?"})` : "(unreadable)";
}
