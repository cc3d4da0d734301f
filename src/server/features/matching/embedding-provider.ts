/**
 * Embedding providers for the optional dense layer (off by default).
 *
 * - `PONTE_EMBEDDING_URL`: any OpenAI-compatible `/v1/embeddings` endpoint (Ollama, vLLM,
 *   text-embeddings-inference, hosted services), with `PONTE_EMBEDDING_MODEL` and optionally
 *   `PONTE_EMBEDDING_API_KEY`. Texts are sent in batches; the response order is restored by index.
 * - `PONTE_EMBEDDING_MODEL_DIR`: a multilingual sentence-embedding model in ONNX form in a local
 *   folder, run with transformers.js (local-onnx-embeddings.ts). The folder is checked here, at
 *   start; the model loads on the first embedding, in the background job.
 * Configuring both is an error rather than a silent choice of one.
 */
import { normalise } from '../../domain/matching/dense';
import { localOnnxEmbeddings } from './local-onnx-embeddings';

export interface EmbeddingProvider {
  /** Stable name stored with every vector, so vectors of another model are never mixed in. */
  readonly model: string;
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

export interface EmbeddingConfig {
  url?: string;
  model?: string;
  apiKey?: string;
  modelDir?: string;
  batchSize?: number;
}

/** The configured provider, or null when the dense layer is off. */
export function createEmbeddingProvider(config: EmbeddingConfig): EmbeddingProvider | null {
  if (config.modelDir && config.url) {
    throw new Error('Set either PONTE_EMBEDDING_MODEL_DIR (a local model) or PONTE_EMBEDDING_URL (an endpoint), not both');
  }
  if (config.modelDir) return localOnnxEmbeddings(config.modelDir);
  if (!config.url) return null;
  return openAiCompatible(config.url, config.model ?? 'default', config.apiKey, config.batchSize ?? 64);
}

function openAiCompatible(url: string, model: string, apiKey: string | undefined, batchSize: number): EmbeddingProvider {
  const endpoint = `${url.replace(/\/+$/, '').replace(/\/v1$/, '')}/v1/embeddings`;
  return {
    model: `${model}@${new URL(endpoint).host}`,
    async embed(texts) {
      const out: Float32Array[] = [];
      for (let i = 0; i < texts.length; i += batchSize) {
        const input = texts.slice(i, i + batchSize).map((t) => t.slice(0, 8000));
        const res = await fetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
          body: JSON.stringify({ model, input }),
        });
        if (!res.ok) throw new Error(`embedding endpoint ${endpoint} answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
        const body = (await res.json()) as { data?: Array<{ index?: number; embedding?: number[] }> };
        const data = body.data ?? [];
        if (data.length !== input.length) throw new Error(`embedding endpoint returned ${data.length} vectors for ${input.length} texts`);
        const ordered = [...data].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
        for (const d of ordered) {
          if (!Array.isArray(d.embedding) || d.embedding.length === 0) throw new Error('embedding endpoint returned an empty vector');
          out.push(normalise(d.embedding));
        }
      }
      return out;
    },
  };
}
