export { knowledge } from './subgraph.js';
export { Conclusion } from './entities/conclusion.entity.js';
export { SourceDocument } from './entities/source-document.entity.js';
export { Strategy } from './entities/strategy.entity.js';
export { Topic } from './entities/topic.entity.js';
