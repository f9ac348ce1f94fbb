import { builder } from '../builder.js';
import './scalars.js';
import './enums.js';
import './source.js';
import './article.js';
import './attribution.js';
import './cross-reference.js';
import './correction.js';
import './search.js';
import './errors.js';
import './provenance.js';
import './api-key.js';
import './import.js';

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});

export const schema = builder.toSchema({ sortSchema: false });
