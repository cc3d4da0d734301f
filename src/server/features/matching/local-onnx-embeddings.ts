/**
 * The local-folder embedding provider: a sentence-embedding model in ONNX form in a folder laid
 * out as on the Hugging Face Hub (config.json, tokenizer.json, tokenizer_config.json,
 * onnx/model.onnx or model.onnx, optionally the sentence-transformers files 1_Pooling/config.json,
 * modules.json, sentence_bert_config.json, config_sentence_transformers.json), run on the CPU with
 * transformers.js (onnxruntime-node).
 *
 * The folder is checked when the server starts (a missing file is a start-up error, not a silent
 * layer-off), but transformers.js and the model are loaded only on the first embed() call, which
 * the matching service makes from its background job: the ~50 MB runtime never loads in a
 * server that has the layer off, and never on a page view's path. Nothing is fetched: remote
 * models are disabled, fetch is replaced by a function that refuses, and no cache is written.
 * transformers.js is an optional dependency (decision 010), imported dynamically.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { normalise } from '../../domain/matching/dense';
import type { Tensor } from '@huggingface/transformers';
import type { EmbeddingProvider } from './embedding-provider';

type Pooling = 'mean' | 'cls' | 'last_token';

export interface ModelFolder {
  dir: string;
  /** The ONNX file transformers.js will load, relative to dir. */
  modelFile: string;
  subfolder: string;
  dtype: 'fp32' | 'fp16' | 'q8' | 'int8' | 'uint8' | 'q4';
  externalData: boolean;
  pooling: Pooling;
  /** Token limit from sentence_bert_config.json, when the folder has one. */
  maxSeqLength: number | null;
  /** Prepended to every text (sentence-transformers' default prompt, e.g. "query: " for E5). */
  prompt: string;
  /** Changes when the weights, tokenizer or pooling change, so old vectors are never mixed in. */
  fingerprint: string;
}

const REQUIRED = ['config.json', 'tokenizer.json', 'tokenizer_config.json'] as const;
/** ONNX file names transformers.js knows, by dtype, in the order we prefer them. */
const MODEL_FILES: Array<[ModelFolder['dtype'], string]> = [
  ['fp32', 'model.onnx'],
  ['q8', 'model_quantized.onnx'],
  ['fp16', 'model_fp16.onnx'],
  ['int8', 'model_int8.onnx'],
  ['uint8', 'model_uint8.onnx'],
  ['q4', 'model_q4.onnx'],
];

/** A model folder Ponte cannot use; the message says what to fix. */
export class ModelFolderError extends Error {
  override name = 'ModelFolderError';
}

/**
 * Checks a model folder synchronously (at start-up) and reads what the provider needs from it.
 * Throws ModelFolderError naming every missing or unsupported piece.
 */
export function inspectModelFolder(dirInput: string): ModelFolder {
  const dir = path.resolve(dirInput);
  const where = `PONTE_EMBEDDING_MODEL_DIR (${dir})`;
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new ModelFolderError(`${where} is not a folder`);
  const has = (f: string) => fs.existsSync(path.join(dir, f));
  const missing: string[] = REQUIRED.filter((f) => !has(f));
  const found = ['onnx', '']
    .flatMap((subfolder) => MODEL_FILES.map(([dtype, name]) => ({ subfolder, dtype, file: subfolder ? `${subfolder}/${name}` : name })))
    .find((candidate) => has(candidate.file));
  if (!found) missing.push('onnx/model.onnx (or model.onnx)');
  if (missing.length || !found) {
    throw new ModelFolderError(
      `${where} lacks ${missing.join(', ')}: it must hold a sentence-embedding model exported to ONNX in the Hugging Face layout ` +
        '(config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx), e.g. a Xenova/… or onnx-community/… model',
    );
  }
  const readJson = (f: string): Record<string, unknown> | null => {
    if (!has(f)) return null;
    try {
      return JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Record<string, unknown>;
    } catch (err) {
      throw new ModelFolderError(`${where}: ${f} is not valid JSON (${err instanceof Error ? err.message : String(err)})`);
    }
  };
  const config = readJson('config.json')!;
  if (typeof config.model_type !== 'string') throw new ModelFolderError(`${where}: config.json has no model_type`);

  // sentence-transformers modules: where the pooling config lives, and layers transformers.js would not apply.
  const modules = (readJson('modules.json') as unknown as Array<{ path?: string; type?: string }> | null) ?? [];
  const unsupported = modules.filter((m) => /Dense|LayerNorm|WordWeights|CNN|LSTM/.test(m.type ?? ''));
  if (unsupported.length) {
    throw new ModelFolderError(
      `${where}: modules.json lists ${unsupported.map((m) => m.type).join(', ')} after the transformer; only pooling and normalisation are applied here, so its vectors would be wrong`,
    );
  }
  const poolingPath = modules.find((m) => (m.type ?? '').endsWith('Pooling'))?.path ?? '1_Pooling';
  const pooling = poolingOf(readJson(path.join(poolingPath, 'config.json')), where);

  const st = readJson('sentence_bert_config.json');
  const maxSeqLength = typeof st?.max_seq_length === 'number' ? st.max_seq_length : null;
  const stConfig = readJson('config_sentence_transformers.json');
  const prompts = (stConfig?.prompts ?? {}) as Record<string, string>;
  const promptName = typeof stConfig?.default_prompt_name === 'string' ? stConfig.default_prompt_name : null;
  const prompt = promptName ? (prompts[promptName] ?? '') : '';

  const externalData = has(`${found.file}_data`) || has(`${found.file}.data`);
  return {
    dir,
    modelFile: found.file,
    subfolder: found.subfolder,
    dtype: found.dtype,
    externalData,
    pooling,
    maxSeqLength,
    prompt,
    fingerprint: fingerprint(dir, [...REQUIRED, path.join(poolingPath, 'config.json'), 'config_sentence_transformers.json'], found.file),
  };
}

/** Pooling from sentence-transformers' Pooling config; mean when the folder has none. */
function poolingOf(config: Record<string, unknown> | null, where: string): Pooling {
  if (!config) return 'mean';
  const modes = Object.entries(config)
    .filter(([k, v]) => k.startsWith('pooling_mode_') && v === true)
    .map(([k]) => k.slice('pooling_mode_'.length));
  const supported: Record<string, Pooling> = { mean_tokens: 'mean', cls_token: 'cls', lasttoken: 'last_token' };
  if (modes.length === 1 && supported[modes[0]!]) return supported[modes[0]!]!;
  if (modes.length === 0) return 'mean';
  throw new ModelFolderError(`${where}: pooling ${modes.join(' + ')} is not supported (mean, CLS or last token only)`);
}

/** A short hash of the small files plus the ONNX file's size, head and tail (hashing 500 MB at every start would be slow). */
function fingerprint(dir: string, files: string[], modelFile: string): string {
  const h = createHash('sha256');
  for (const f of files) {
    const p = path.join(dir, f);
    if (fs.existsSync(p)) h.update(f).update(fs.readFileSync(p));
  }
  const fd = fs.openSync(path.join(dir, modelFile), 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const chunk = Buffer.alloc(Math.min(size, 1 << 20));
    fs.readSync(fd, chunk, 0, chunk.length, 0);
    h.update(String(size)).update(chunk);
    fs.readSync(fd, chunk, 0, chunk.length, Math.max(0, size - chunk.length));
    h.update(chunk);
  } finally {
    fs.closeSync(fd);
  }
  return h.digest('hex').slice(0, 12);
}

export interface LocalOnnxOptions {
  /** Texts per model run; sorted by length first, so a batch pads little. */
  batchSize?: number;
  /** onnxruntime threads per run; default half the cores, so page views keep the rest. */
  threads?: number;
}

/** Texts are cut to this many characters before tokenising (the model truncates tokens anyway). */
const MAX_CHARS = 8000;

/**
 * The provider for a local model folder. Checks the folder and that transformers.js is installed
 * now; loads the model on the first embed() call.
 */
export function localOnnxEmbeddings(dir: string, options: LocalOnnxOptions = {}): EmbeddingProvider {
  const folder = inspectModelFolder(dir);
  assertTransformersInstalled();
  const batchSize = options.batchSize ?? 16;
  const threads = options.threads ?? Math.max(1, Math.floor(os.availableParallelism() / 2));
  let loading: Promise<Extractor> | null = null;

  return {
    model: `onnx:${path.basename(folder.dir).slice(0, 120)}:${folder.fingerprint}`,
    async embed(texts) {
      if (!texts.length) return [];
      loading ??= loadExtractor(folder, threads).catch((err: unknown) => {
        throw new Error(`could not load the embedding model in ${folder.dir}: ${err instanceof Error ? err.message : String(err)}`);
      });
      const extractor = await loading;
      // Longest first, in batches of similar length; results go back to the callers' order.
      const order = texts.map((_, i) => i).sort((a, b) => texts[b]!.length - texts[a]!.length);
      const out = new Array<Float32Array>(texts.length);
      for (let i = 0; i < order.length; i += batchSize) {
        const ids = order.slice(i, i + batchSize);
        const vectors = await extractor(ids.map((id) => folder.prompt + texts[id]!.slice(0, MAX_CHARS)));
        for (const [j, id] of ids.entries()) out[id] = vectors[j]!;
        // Tokenising runs on the main thread: let queued requests in between batches.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      return out;
    },
  };
}

type Extractor = (texts: string[]) => Promise<Float32Array[]>;

const TRANSFORMERS = '@huggingface/transformers';

function assertTransformersInstalled(): void {
  try {
    createRequire(import.meta.url).resolve(TRANSFORMERS);
  } catch {
    throw new ModelFolderError(
      `PONTE_EMBEDDING_MODEL_DIR needs the optional dependency ${TRANSFORMERS}, which is not installed: run \`npm install ${TRANSFORMERS}\` (or unset the variable)`,
    );
  }
}

async function loadExtractor(folder: ModelFolder, threads: number): Promise<Extractor> {
  const { env, pipeline, LogLevel, mean_pooling } = await import('@huggingface/transformers');
  // Local files only, and no way to reach the network even if a file were missing.
  env.allowLocalModels = true;
  env.allowRemoteModels = false;
  env.localModelPath = path.dirname(folder.dir);
  env.useFSCache = false;
  env.useBrowserCache = false;
  env.cacheDir = null;
  env.fetch = (input: string | URL) => Promise.reject(new Error(`network access is disabled for local embedding models (${String(input)})`));
  env.logLevel = LogLevel.ERROR;
  // An absolute path is never taken for a Hub model id, so the folder itself is read.
  const { tokenizer, model } = await pipeline('feature-extraction', folder.dir, {
    local_files_only: true,
    device: 'cpu',
    dtype: folder.dtype,
    subfolder: folder.subfolder,
    use_external_data_format: folder.externalData,
    session_options: { intraOpNumThreads: threads, interOpNumThreads: 1 },
  });
  // The pipeline's own call cannot take a token limit, so its steps are spelt out here:
  // tokenise (truncating to the model's limit), run, pool, normalise.
  const maxLength = folder.maxSeqLength ?? 512;
  return async (texts) => {
    const inputs = tokenizer(texts, { padding: true, truncation: true, max_length: maxLength });
    const outputs = (await model(inputs)) as Record<string, Tensor | undefined>;
    const hidden = outputs.last_hidden_state ?? outputs.token_embeddings;
    if (!hidden) throw new Error(`the model in ${folder.dir} has no last_hidden_state output`);
    const mask = inputs.attention_mask as Tensor;
    if (folder.pooling === 'mean') {
      const pooled = mean_pooling(hidden, mask);
      const [rows, dim] = pooled.dims as [number, number];
      const data = pooled.data as Float32Array;
      return Array.from({ length: rows }, (_, r) => normalise(data.subarray(r * dim, (r + 1) * dim)));
    }
    return tokenPooling(hidden, mask, folder.pooling);
  };
}

/**
 * CLS or last-token pooling: the first or last token the attention mask keeps in each row, so
 * it is right whichever side the tokenizer pads (the pipeline's own slice assumes none).
 */
function tokenPooling(hidden: Tensor, mask: Tensor, pooling: 'cls' | 'last_token'): Float32Array[] {
  const [rows, tokens, dim] = hidden.dims as [number, number, number];
  const data = hidden.data as Float32Array;
  const keep = (r: number, t: number) => Number(mask.data[r * tokens + t]) !== 0;
  const out: Float32Array[] = [];
  for (let r = 0; r < rows; r++) {
    let t = pooling === 'cls' ? 0 : tokens - 1;
    const step = pooling === 'cls' ? 1 : -1;
    while (t >= 0 && t < tokens && !keep(r, t)) t += step;
    const at = Math.min(Math.max(t, 0), tokens - 1);
    out.push(normalise(data.subarray((r * tokens + at) * dim, (r * tokens + at + 1) * dim)));
  }
  return out;
}
