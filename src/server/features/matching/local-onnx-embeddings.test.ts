import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cosine } from '../../domain/matching/dense';
import { TINY_MODEL_DIMENSION, writeTinyOnnxModel } from '../../test-support/tiny-onnx-model';
import { createEmbeddingProvider, type EmbeddingProvider } from './embedding-provider';
import { inspectModelFolder, localOnnxEmbeddings } from './local-onnx-embeddings';

let root: string;
let modelDir: string;
let provider: EmbeddingProvider;

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'ponte-onnx-'));
  modelDir = path.join(root, 'tiny-multilingual');
  await writeTinyOnnxModel(modelDir);
  provider = createEmbeddingProvider({ modelDir })!;
});
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

/** A copy of the tiny model folder, changed by `edit`. */
async function variant(name: string, edit: (dir: string) => Promise<void>): Promise<string> {
  const dir = path.join(root, name);
  await fs.cp(modelDir, dir, { recursive: true });
  await edit(dir);
  return dir;
}

describe('local ONNX embedding provider', () => {
  it('loads the model from the folder and returns normalised vectors of the model dimension', async () => {
    const filesBefore = await fs.readdir(modelDir, { recursive: true });
    const vectors = await provider.embed(['cashmere', 'Cerchiamo un produttore di maglieria in cachemire.', '我们生产羊绒针织衫']);
    expect(vectors).toHaveLength(3);
    for (const v of vectors) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v).toHaveLength(TINY_MODEL_DIMENSION);
      expect(Math.hypot(...v)).toBeCloseTo(1, 5);
    }
    // Local files only, nothing cached or written, and no network even if a file were missing.
    const { env } = await import('@huggingface/transformers');
    expect(env).toMatchObject({ allowRemoteModels: false, useFSCache: false, cacheDir: null });
    await expect(env.fetch('https://huggingface.co/some/model/resolve/main/config.json')).rejects.toThrow(/network access is disabled/);
    expect(await fs.readdir(modelDir, { recursive: true })).toEqual(filesBefore);
    expect(provider.model).toMatch(/^onnx:tiny-multilingual:[0-9a-f]{12}$/);
  });

  it('puts translations nearer each other than unrelated words', async () => {
    const [cashmere, cachemire, yangrong, leather, furniture, jiaju] = await provider.embed(['cashmere', 'cachemire', '羊绒', 'leather', 'mobili', '家具']);
    for (const translation of [cachemire!, yangrong!]) {
      expect(cosine(cashmere!, translation)).toBeGreaterThan(0.8);
      expect(cosine(cashmere!, translation)).toBeGreaterThan(cosine(cashmere!, leather!) + 0.5);
    }
    expect(cosine(furniture!, jiaju!)).toBeGreaterThan(cosine(furniture!, yangrong!) + 0.5);
    // Sentences too: an Italian request is nearest the Chinese offer of the same thing.
    const [request, cashmereOffer, furnitureOffer] = await provider.embed([
      'Cerchiamo produttore di maglieria in cachemire',
      '我们提供高质量羊绒针织生产',
      '我们提供高质量家具生产',
    ]);
    expect(cosine(request!, cashmereOffer!)).toBeGreaterThan(cosine(request!, furnitureOffer!) + 0.2);
  });

  it('keeps the callers’ order across batches sorted by length', async () => {
    const texts = ['silk', 'pelle e cachemire per maglieria di alta qualità', '机械', 'furniture production', '培训', 'seta', 'oem knitwear manufacturer for sweaters', '羊绒', 'formazione'];
    const small = localOnnxEmbeddings(modelDir, { batchSize: 2 });
    const batched = await small.embed(texts);
    const oneByOne = await Promise.all(texts.map(async (t) => (await provider.embed([t]))[0]!));
    expect(batched).toHaveLength(texts.length);
    for (const [i, v] of batched.entries()) expect(cosine(v, oneByOne[i]!)).toBeCloseTo(1, 5);
    expect(await small.embed([])).toEqual([]);
  });

  it('reads the pooling from the sentence-transformers files', async () => {
    expect(inspectModelFolder(modelDir).pooling).toBe('mean');
    const clsDir = await variant('cls-pooling', (dir) =>
      fs.writeFile(path.join(dir, '1_Pooling', 'config.json'), JSON.stringify({ pooling_mode_cls_token: true, pooling_mode_mean_tokens: false })),
    );
    expect(inspectModelFolder(clsDir).pooling).toBe('cls');
    // CLS pooling sees only the [CLS] token, so every text gets the same vector in this model.
    const [a, b] = await localOnnxEmbeddings(clsDir).embed(['cashmere', 'mobili']);
    expect(cosine(a!, b!)).toBeCloseTo(1, 5);
    // Last-token pooling takes each row's last real token ([SEP] here), never the padding after it.
    const lastDir = await variant('last-token-pooling', (dir) =>
      fs.writeFile(path.join(dir, '1_Pooling', 'config.json'), JSON.stringify({ pooling_mode_lasttoken: true })),
    );
    const [long, short] = await localOnnxEmbeddings(lastDir).embed(['cashmere knitwear production for sweaters', 'silk']);
    expect(cosine(long!, short!)).toBeCloseTo(1, 5);
    const maxDir = await variant('max-pooling', (dir) =>
      fs.writeFile(path.join(dir, '1_Pooling', 'config.json'), JSON.stringify({ pooling_mode_max_tokens: true })),
    );
    expect(() => inspectModelFolder(maxDir)).toThrow(/pooling max_tokens is not supported/);
  });

  it('applies the token limit and default prompt of the sentence-transformers config', async () => {
    const dir = await variant('prompt-and-limit', async (d) => {
      await fs.writeFile(path.join(d, 'sentence_bert_config.json'), JSON.stringify({ max_seq_length: 2 }));
      await fs.writeFile(path.join(d, 'config_sentence_transformers.json'), JSON.stringify({ prompts: { query: 'seta ' }, default_prompt_name: 'query' }));
    });
    expect(inspectModelFolder(dir)).toMatchObject({ maxSeqLength: 2, prompt: 'seta ' });
    // Two tokens, [CLS] seta: the prompt comes first and the limit cuts the text off.
    const [v] = await localOnnxEmbeddings(dir).embed(['cashmere cashmere cashmere']);
    const [silk, cashmere] = await provider.embed(['seta', 'cashmere']);
    expect(cosine(v!, silk!)).toBeGreaterThan(0.95);
    expect(cosine(v!, cashmere!)).toBeLessThan(0.2);
  });

  it('names the model by folder and content, so changed weights never mix with stored vectors', async () => {
    const same = await variant('same-weights', async () => {});
    expect(localOnnxEmbeddings(same).model.split(':')[2]).toBe(provider.model.split(':')[2]);
    const changed = await variant('other-weights', async (dir) => {
      const file = path.join(dir, 'onnx', 'model.onnx');
      const bytes = await fs.readFile(file);
      bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 1, bytes.length - 1);
      await fs.writeFile(file, bytes);
    });
    expect(localOnnxEmbeddings(changed).model.split(':')[2]).not.toBe(provider.model.split(':')[2]);
  });

  it('refuses at start a folder that lacks files, saying which', async () => {
    const incomplete = await variant('incomplete', async (dir) => {
      await fs.rm(path.join(dir, 'tokenizer.json'));
      await fs.rm(path.join(dir, 'onnx'), { recursive: true });
    });
    expect(() => createEmbeddingProvider({ modelDir: incomplete })).toThrow(
      /PONTE_EMBEDDING_MODEL_DIR \(.*incomplete\) lacks tokenizer\.json, onnx\/model\.onnx \(or model\.onnx\)/,
    );
    expect(() => createEmbeddingProvider({ modelDir: path.join(root, 'nowhere') })).toThrow(/is not a folder/);
    expect(() => createEmbeddingProvider({ modelDir, url: 'http://127.0.0.1:1' })).toThrow(/not both/);
  });

  it('accepts model.onnx at the top of the folder', async () => {
    const flat = await variant('flat', async (dir) => {
      await fs.rename(path.join(dir, 'onnx', 'model.onnx'), path.join(dir, 'model.onnx'));
      await fs.rm(path.join(dir, 'onnx'), { recursive: true });
    });
    expect(inspectModelFolder(flat)).toMatchObject({ modelFile: 'model.onnx', subfolder: '' });
    const [v] = await localOnnxEmbeddings(flat).embed(['羊绒']);
    const [w] = await provider.embed(['羊绒']);
    expect(cosine(v!, w!)).toBeCloseTo(1, 5);
  });

  it('reports a corrupt model file when it first embeds, not silently', async () => {
    const corrupt = await variant('corrupt', (dir) => fs.writeFile(path.join(dir, 'onnx', 'model.onnx'), 'not a model'));
    const broken = localOnnxEmbeddings(corrupt);
    await expect(broken.embed(['cashmere'])).rejects.toThrow(/could not load the embedding model in .*corrupt/);
  });
});
