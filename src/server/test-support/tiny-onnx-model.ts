import fs from 'node:fs/promises';
import path from 'node:path';
import protobuf from 'protobufjs';

/**
 * Builds a tiny multilingual "sentence-embedding model" folder in the Hugging Face layout
 * (config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx, 1_Pooling/config.json),
 * so the local-folder embedding provider can be tested where no model weights can be downloaded.
 *
 * The network is one embedding table: input_ids → Gather → × attention_mask → last_hidden_state.
 * The table is hand-made so that words meaning the same thing in Italian, Chinese and English sit
 * on the same axis (plus a small per-language component), function words on a shared "filler"
 * axis, and everything else apart: translations are near, unrelated words far. Chinese is
 * tokenised per character (BERT's CJK handling), so each character of 羊绒 carries "cashmere".
 *
 * The ONNX protobuf is written with protobufjs from the excerpt of onnx/onnx.proto3 below (only
 * the messages and fields this graph uses; field numbers as in the official schema).
 */

/** Concept axes and the words (lower-case, accents stripped, Chinese per character) on each. */
const CONCEPTS: Array<{ en: string[]; it: string[]; zh: string[] }> = [
  { en: ['cashmere'], it: ['cachemire'], zh: ['羊', '绒'] },
  { en: ['knitwear', 'sweaters'], it: ['maglieria', 'maglioni'], zh: ['针', '织'] },
  { en: ['leather'], it: ['pelle'], zh: ['皮', '革'] },
  { en: ['furniture'], it: ['mobili', 'arredamento'], zh: ['家', '具'] },
  { en: ['silk'], it: ['seta'], zh: ['丝', '绸'] },
  { en: ['machinery', 'machines'], it: ['macchinari', 'macchine'], zh: ['机', '械'] },
  { en: ['production', 'manufacturer', 'manufacturing', 'oem'], it: ['produzione', 'produttore'], zh: ['生', '产', '工', '厂'] },
  { en: ['training'], it: ['formazione'], zh: ['培', '训'] },
];
const FILLER: Record<'en' | 'it' | 'zh', string[]> = {
  en: ['we', 'our', 'for', 'of', 'a', 'the', 'and', 'looking', 'high', 'quality', 'offer'],
  it: ['cerchiamo', 'di', 'in', 'per', 'e', 'alta', 'qualita', 'offriamo'],
  zh: ['我', '们', '提', '供', '高', '质', '量', '的', '寻', '找'],
};
const LANGS = ['en', 'it', 'zh'] as const;
const SPECIAL = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;

/** Axes: one per concept, one per language, one filler axis. */
export const TINY_MODEL_DIMENSION = CONCEPTS.length + LANGS.length + 1;
const FILLER_AXIS = TINY_MODEL_DIMENSION - 1;
const langAxis = (lang: (typeof LANGS)[number]) => CONCEPTS.length + LANGS.indexOf(lang);

export interface TinyModel {
  dir: string;
  vocabulary: string[];
}

/** Writes the model folder into `dir` (created if needed) and returns it. */
export async function writeTinyOnnxModel(dir: string): Promise<TinyModel> {
  const vocabulary: string[] = [...SPECIAL];
  const rows: number[][] = [];
  const row = (entries: Array<[number, number]>) => {
    const v = new Array<number>(TINY_MODEL_DIMENSION).fill(0);
    for (const [axis, value] of entries) v[axis] = value;
    return v;
  };
  // [PAD] contributes nothing; [UNK], [CLS], [SEP], [MASK] a little filler.
  rows.push(row([]), row([[FILLER_AXIS, 0.2]]), row([[FILLER_AXIS, 0.2]]), row([[FILLER_AXIS, 0.2]]), row([[FILLER_AXIS, 0.2]]));
  for (const [axis, concept] of CONCEPTS.entries()) {
    for (const lang of LANGS) {
      for (const word of concept[lang]) {
        vocabulary.push(word);
        rows.push(row([[axis, 1], [langAxis(lang), 0.15]]));
      }
    }
  }
  for (const lang of LANGS) {
    for (const word of FILLER[lang]) {
      vocabulary.push(word);
      rows.push(row([[FILLER_AXIS, 0.3], [langAxis(lang), 0.05]]));
    }
  }

  await fs.mkdir(path.join(dir, 'onnx'), { recursive: true });
  await fs.mkdir(path.join(dir, '1_Pooling'), { recursive: true });
  const json = (file: string, value: unknown) => fs.writeFile(path.join(dir, file), `${JSON.stringify(value, null, 2)}\n`);
  await json('config.json', {
    model_type: 'bert',
    architectures: ['BertModel'],
    hidden_size: TINY_MODEL_DIMENSION,
    vocab_size: vocabulary.length,
    max_position_embeddings: 128,
  });
  await json('tokenizer.json', tokenizerJson(vocabulary));
  await json('tokenizer_config.json', {
    tokenizer_class: 'BertTokenizer',
    model_max_length: 128,
    do_lower_case: true,
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    mask_token: '[MASK]',
  });
  await json('1_Pooling/config.json', { word_embedding_dimension: TINY_MODEL_DIMENSION, pooling_mode_mean_tokens: true });
  await fs.writeFile(path.join(dir, 'onnx', 'model.onnx'), encodeModel(rows));
  return { dir, vocabulary };
}

/** A BERT-style WordPiece tokenizer in the `tokenizers` JSON format. */
function tokenizerJson(vocabulary: string[]) {
  const id = (t: string) => vocabulary.indexOf(t);
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL.map((content) => ({
      id: id(content),
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [id('[CLS]')], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [id('[SEP]')], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocabulary.map((t, i) => [t, i])),
    },
  };
}

/** The messages of onnx/onnx.proto3 this graph needs (field numbers from the official schema). */
const ONNX_SCHEMA = `
syntax = "proto3";
package onnx;
message AttributeProto { string name = 1; int64 i = 3; int32 type = 20; }
message ValueInfoProto { string name = 1; TypeProto type = 2; }
message NodeProto { repeated string input = 1; repeated string output = 2; string name = 3; string op_type = 4; repeated AttributeProto attribute = 5; }
message ModelProto { int64 ir_version = 1; string producer_name = 2; GraphProto graph = 7; repeated OperatorSetIdProto opset_import = 8; }
message GraphProto { repeated NodeProto node = 1; string name = 2; repeated TensorProto initializer = 5; repeated ValueInfoProto input = 11; repeated ValueInfoProto output = 12; }
message TensorProto { repeated int64 dims = 1; int32 data_type = 2; string name = 8; bytes raw_data = 9; }
message TensorShapeProto { message Dimension { oneof value { int64 dim_value = 1; string dim_param = 2; } } repeated Dimension dim = 1; }
message TypeProto { message Tensor { int32 elem_type = 1; TensorShapeProto shape = 2; } oneof value { Tensor tensor_type = 1; } }
message OperatorSetIdProto { string domain = 1; int64 version = 2; }
`;
const FLOAT = 1;
const INT64 = 7;
const ATTRIBUTE_INT = 2;

function encodeModel(rows: number[][]): Uint8Array {
  const ModelProto = protobuf.parse(ONNX_SCHEMA, { keepCase: true }).root.lookupType('onnx.ModelProto');
  const table = new Float32Array(rows.flat());
  const axes = new BigInt64Array([-1n]);
  const shape = (...dims: Array<string | number>) => ({
    dim: dims.map((d) => (typeof d === 'number' ? { dim_value: d } : { dim_param: d })),
  });
  const tensorInput = (name: string, elemType: number, dims: Array<string | number>) => ({
    name,
    type: { tensor_type: { elem_type: elemType, shape: shape(...dims) } },
  });
  const model = {
    ir_version: 8,
    producer_name: 'ponte-test-support',
    opset_import: [{ domain: '', version: 13 }],
    graph: {
      name: 'tiny-multilingual-embedding',
      initializer: [
        { name: 'word_embeddings', dims: [rows.length, TINY_MODEL_DIMENSION], data_type: FLOAT, raw_data: bytes(table) },
        { name: 'last_axis', dims: [1], data_type: INT64, raw_data: bytes(axes) },
      ],
      node: [
        { name: 'embed', op_type: 'Gather', input: ['word_embeddings', 'input_ids'], output: ['token_vectors'], attribute: [{ name: 'axis', i: 0, type: ATTRIBUTE_INT }] },
        { name: 'mask_float', op_type: 'Cast', input: ['attention_mask'], output: ['mask_f'], attribute: [{ name: 'to', i: FLOAT, type: ATTRIBUTE_INT }] },
        { name: 'mask_3d', op_type: 'Unsqueeze', input: ['mask_f', 'last_axis'], output: ['mask_3d'] },
        { name: 'masked', op_type: 'Mul', input: ['token_vectors', 'mask_3d'], output: ['last_hidden_state'] },
      ],
      input: [tensorInput('input_ids', INT64, ['batch', 'sequence']), tensorInput('attention_mask', INT64, ['batch', 'sequence'])],
      output: [tensorInput('last_hidden_state', FLOAT, ['batch', 'sequence', TINY_MODEL_DIMENSION])],
    },
  };
  const problem = ModelProto.verify(model);
  if (problem) throw new Error(`tiny ONNX model does not match the schema: ${problem}`);
  return ModelProto.encode(ModelProto.fromObject(model)).finish();
}

/** Little-endian bytes of a typed array (ONNX raw_data is little-endian; so is every platform Node runs on). */
const bytes = (a: Float32Array | BigInt64Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
