/**
 * Holds an exclusive lock on a database file for a while, from another process.
 * Usage: node --import tsx lock-holder.ts <file> <holdMs>. Prints "locked" once it holds the
 * lock (BEGIN EXCLUSIVE plus a write, on the driver's own connection) and "released" after.
 */
import Database from "libsql";

const [file, holdArg] = process.argv.slice(2);
if (!file || !holdArg) throw new Error("usage: <file> <holdMs>");
const db = new Database(file, { timeout: 5_000 });
db.exec("BEGIN EXCLUSIVE");
db.exec("INSERT INTO settings (key, value) VALUES ('lock-holder', 'x') ON CONFLICT(key) DO NOTHING");
process.stdout.write("locked\n");
await new Promise((resolve) => setTimeout(resolve, Number(holdArg)));
db.exec("ROLLBACK");
db.close();
process.stdout.write("released\n");
