import { ApiError } from './validate.js';

/**
 * Reads a request body as UTF-8 text, stopping as soon as it passes `limit` bytes so that an oversized
 * upload is refused without being held in memory.
 */
export async function readBodyLimited(req: Request, limit: number): Promise<string> {
  const declared = req.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > limit) {
    throw new ApiError(413, 'payload_too_large', `request body is ${declared} bytes; the limit is ${limit} bytes`);
  }
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (true) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new ApiError(413, 'payload_too_large', `request body is larger than the limit of ${limit} bytes`);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(all);
  } catch {
    throw new ApiError(400, 'invalid_body', 'request body is not valid UTF-8');
  }
}
