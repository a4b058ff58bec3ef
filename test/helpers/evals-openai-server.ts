import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** A local server speaking just enough of the OpenAI chat-completions protocol to be a judge. */
export async function startJudgeServer(reply: string) {
  const requests: Array<{ model: string; temperature?: number }> = [];
  const server = createServer(async (req, res) => {
    const body = JSON.parse(await read(req)) as { model: string; temperature?: number };
    requests.push(body);
    res.setHeader("content-type", "application/json");
    res.end(
      JSON.stringify({
        id: `chatcmpl-${requests.length}`,
        object: "chat.completion",
        created: 0,
        model: body.model,
        choices: [{ index: 0, message: { role: "assistant", content: reply }, finish_reason: "stop" }],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function read(req: IncomingMessage): Promise<string> {
  let text = "";
  for await (const chunk of req) text += String(chunk);
  return text;
}
