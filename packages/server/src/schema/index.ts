import { builder } from '../builder.js';
import './scalars.js';
import './enums.js';
import './source.js';
import './article.js';
import './attribution.js';
import './cross-reference.js';
import './correction.js';
import './search.js';

builder.queryType({});

export const schema = builder.toSchema({ sortSchema: false });
