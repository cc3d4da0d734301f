import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeEmbeddingServer {
  url: string;
  /** Texts embedded so far. */
  readonly texts: number;
  close(): Promise<void>;
}

/**
 * A stand-in for an OpenAI-compatible `/v1/embeddings` server: hashed character bigrams into 64
 * dimensions, answered in reverse order (clients must restore it by index). It checks the
 * plumbing — batching, order, storage, fusion — not quality.
 */
export function startFakeEmbeddingServer(): Promise<FakeEmbeddingServer> {
  let texts = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const { input } = JSON.parse(body) as { input: string[] };
      texts += input.length;
      const data = input.map((text, index) => {
        const v = new Array<number>(64).fill(0);
        const chars = [...text.toLowerCase()];
        for (let i = 0; i + 1 < chars.length; i++) v[((chars[i]!.codePointAt(0)! * 31 + chars[i + 1]!.codePointAt(0)!) >>> 0) % 64]! += 1;
        return { index, embedding: v };
      });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: data.reverse() }));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        get texts() {
          return texts;
        },
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    }),
  );
}
