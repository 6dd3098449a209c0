// The classroom server for the browser tests: `upstander-teacher serve` on loopback with a
// data folder of its own, serving the web bundle, and the teacher API it answers.
import { spawn, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const teacherBin = process.env.UPSTANDER_TEACHER_BIN;
const bundle = process.env.UPSTANDER_WEB_BUNDLE;

export class ClassroomServer {
  // `bind`: the address it listens on (loopback unless a test needs the LAN's).
  constructor({ bind = "127.0.0.1" } = {}) {
    this.data = fs.mkdtempSync(path.join(os.tmpdir(), "upstander-web-class-"));
    this.bind = bind;
    this.port = 0;
    this.proc = null;
    this.log = "";
  }

  // Starts (or starts again, on the same port and data folder, after stop()).
  async start() {
    if (!teacherBin || !bundle) throw new Error("UPSTANDER_TEACHER_BIN and UPSTANDER_WEB_BUNDLE must be set");
    const args = ["serve", "--port", String(this.port), "--bind", this.bind, "--data", this.data,
      "--web-root", bundle, "--discovery-port", "0", "--no-browser"];
    this.proc = spawn(teacherBin, args, { stdio: ["ignore", "pipe", "pipe"] });
    const exited = new Promise((resolve) => this.proc.once("exit", resolve));
    this.exited = exited;
    const port = await new Promise((resolve, reject) => {
      const onData = (d) => {
        this.log += d.toString();
        const m = this.log.match(/listening on port (\d+)/);
        if (m) resolve(Number(m[1]));
      };
      this.proc.stdout.on("data", onData);
      this.proc.stderr.on("data", onData);
      exited.then((code) => reject(new Error(`serve exited (${code}) before listening:\n${this.log}`)));
      setTimeout(() => reject(new Error(`serve did not listen within 15 s:\n${this.log}`)), 15000);
    });
    this.port = port;
    this.token = fs.readFileSync(path.join(this.data, "teacher-token"), "utf8").trim();
  }

  // As a power cut or a crash would: no goodbye to anyone.
  async kill() {
    this.proc.kill("SIGKILL");
    await this.exited;
  }

  async stop() {
    if (!this.proc || this.proc.exitCode !== null || this.proc.signalCode) return;
    this.proc.kill("SIGTERM");
    await this.exited;
  }

  remove() {
    fs.rmSync(this.data, { recursive: true, force: true });
  }

  get origin() {
    return `http://127.0.0.1:${this.port}`;
  }

  async teacher(method, route, body) {
    const res = await fetch(`${this.origin}/api/v1/teacher/${route}`, {
      method,
      headers: {
        Authorization: `Bearer ${this.token}`,
        ...(body ? { "Content-Type": "application/json" } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  }

  // What the database holds: the test reads the file the server writes (read-only).
  query(sql) {
    return execFileSync("sqlite3", ["-readonly", path.join(this.data, "classroom.sqlite"), sql], {
      encoding: "utf8",
    }).trim();
  }
}
