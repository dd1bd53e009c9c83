/** A small keep-alive HTTP client over `node:http` (the load generator of the API benchmarks). */
import http from 'node:http';

/** A response with its body read as text. */
export interface TextResponse {
  status: number;
  body: string;
}

/** Sends one request and reads the whole response. */
export function send(
  url: string,
  options: { method: string; headers?: Record<string, string>; body?: string | Buffer; agent?: http.Agent },
): Promise<TextResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...options.headers };
    if (options.body !== undefined) headers['content-length'] = Buffer.byteLength(options.body);
    const request = http.request(
      url,
      { method: options.method, headers, agent: options.agent },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}
