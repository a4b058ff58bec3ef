import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { issueCertificate } from "../../certificate/issue.js";
import { hashMatches } from "../../certificate/seal.js";
import { checkSignature, generateSigningKeys, signCertificate } from "../../certificate/sign.js";
import type { AutonomyCertificate } from "../../certificate/types.js";
import { HASH_MISMATCH, verifyCertificate } from "../../certificate/verify.js";
import { CliUsageError, type CliCommand, type CliIo } from "../io.js";
import { withStore } from "../open-store.js";

/**
 * `autonomy-gate certify`: issue an autonomy certificate for a scope (signed with `--key`), verify
 * one — offline against a trusted public key (`--pub`), against the live database, or both — or
 * make an Ed25519 key pair (`--keygen`). Exit 0 valid, 1 invalid with what changed, 2 bad input.
 */
export const certifyCommand: CliCommand = {
  name: "certify",
  summary: "Issue an autonomy certificate for a scope (JSON, Ed25519-signed with --key), or --verify one",
  usage:
    "autonomy-gate certify <scope> [--key PRIVATE.pem] [--out FILE] [--golden-pass-rate X] [--db URL] | " +
    "certify --verify FILE [--pub PUBLIC.pem] [--db URL] | certify --keygen PREFIX",
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        db: { type: "string" },
        out: { type: "string" },
        verify: { type: "string" },
        key: { type: "string" },
        pub: { type: "string" },
        keygen: { type: "string" },
        "golden-pass-rate": { type: "string" },
      },
      allowPositionals: true,
      strict: true,
    });
    if (values.keygen !== undefined) return keygen(values.keygen, io);
    if (values.verify !== undefined) {
      if (positionals.length > 0 || values.out !== undefined || values.key !== undefined) {
        throw new CliUsageError("--verify FILE takes no scope, no --out and no --key");
      }
      return verify(values.verify, values.pub, values.db, io);
    }
    if (values.pub !== undefined) throw new CliUsageError("--pub is for --verify; sign with --key PRIVATE.pem");
    const [scope] = positionals;
    if (!scope || positionals.length !== 1) throw new CliUsageError(`Expected one scope, got: ${positionals.join(" ") || "nothing"}`);
    const golden = values["golden-pass-rate"];
    const goldenPassRate = golden === undefined ? null : Number(golden);
    if (goldenPassRate !== null && !(goldenPassRate >= 0 && goldenPassRate <= 1)) {
      throw new CliUsageError(`--golden-pass-rate must be a number in [0, 1], got ${golden}`);
    }
    const privateKey = values.key === undefined ? undefined : await readText(resolve(io.cwd, values.key), "key");
    const issued = await withStore(values.db, io, (store) => issueCertificate(store, scope, { goldenPassRate }));
    const certificate = privateKey === undefined ? issued : signCertificate(issued, privateKey);
    const json = `${JSON.stringify(certificate, null, 2)}\n`;
    if (values.out === undefined) {
      io.stdout(json);
      return 0;
    }
    const out = resolve(io.cwd, values.out);
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, json);
    const signed = certificate.signature ? ", signed" : "";
    io.stdout(`Certificate for ${scope} (${certificate.level} ${certificate.role}, max earned ${certificate.maxLevel}${signed}) written to ${out}\n`);
    return 0;
  },
};

async function keygen(prefix: string, io: CliIo): Promise<number> {
  const base = resolve(io.cwd, prefix);
  const { privateKeyPem, publicKeyPem } = generateSigningKeys();
  await mkdir(dirname(base), { recursive: true });
  await writeFile(`${base}.key`, privateKeyPem, { mode: 0o600 });
  await writeFile(`${base}.pub`, publicKeyPem);
  io.stdout(`Ed25519 key pair written: ${base}.key (private, sign with --key) and ${base}.pub (public, verify with --pub).\n`);
  return 0;
}

/**
 * With `--pub` and no `--db`: the signature and content hash alone, no database opened. With
 * `--db` (or without `--pub`): also the live provenance, agent, policy, epoch and ceiling.
 */
async function verify(path: string, pub: string | undefined, db: string | undefined, io: CliIo): Promise<number> {
  const file = resolve(io.cwd, path);
  const certificate = parseJson(await readText(file, "certificate"), file);
  const name = describe(certificate);
  const problems: string[] = [];
  if (pub !== undefined) {
    problems.push(...checkSignature(certificate, await readText(resolve(io.cwd, pub), "public key")));
    if (!hashMatches(certificate)) problems.push(HASH_MISMATCH);
  }
  const live = pub === undefined || db !== undefined;
  if (live && problems.length === 0) problems.push(...(await withStore(db, io, (store) => verifyCertificate(store, certificate))).problems);
  if (problems.length === 0) {
    const what = live ? "the provenance, agent, policy version and evidence epoch still match" : "the signature verifies (offline: not checked against a database)";
    io.stdout(`Certificate ${name} is valid: ${what}.\n`);
    return 0;
  }
  io.stderr(`Certificate ${name} is NOT valid:\n${[...new Set(problems)].map((p) => `  - ${p}`).join("\n")}\n`);
  return 1;
}

async function readText(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch {
    throw new CliUsageError(`Cannot read ${what} file ${file}`);
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
