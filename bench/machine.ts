/** The machine, runtime and command a benchmark run is reported with. */
import { cpus, loadavg, platform, release, totalmem, tmpdir } from "node:os";

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  tmpDir: string;
  date: string;
  /** 1-minute load average when the run started (other work on the machine skews timings). */
  load1: number;
}

export function machineInfo(now: Date = new Date()): MachineInfo {
  const list = cpus();
  return {
    cpuModel: list[0]?.model.trim() ?? "unknown",
    cores: list.length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: `${platform()} ${release()}`,
    node: process.version,
    tmpDir: tmpdir(),
    date: now.toISOString(),
    load1: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}

/** The npm command that reproduces a run with these CLI arguments. */
export function benchCommand(args: readonly string[]): string {
  return args.length === 0 ? "npm run bench" : `npm run bench -- ${args.join(" ")}`;
}
