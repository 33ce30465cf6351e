export { DependencyParser, ParserModelError, type ParseInput, type ParseOptions, type ParseResult } from './parser.js';
export { trainParser, DEFAULT_EPOCHS, type TrainOptions, type Tagger } from './train.js';
export { defaultParser, defaultParserPath, loadParser, PARSER_MODEL_FILE } from './model-store.js';
export { jackknifeTags } from './jackknife.js';
export { attachmentScores, type AttachmentScores } from './score.js';
