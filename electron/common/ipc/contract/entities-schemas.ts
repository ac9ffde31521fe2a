import { z } from 'zod';
import { ENTITY_TYPES } from '../../entities/entity-types';

const entityKey = z.string().min(3).max(600);

/** Arguments of the entity index's methods (entities-contract.ts). */
export const ENTITIES_SCHEMAS = {
  /** `filter`: letters the name or a spelling contains (folded as names are); `limit`: entries listed (default 5,000). */
  listEntities: z
    .object({
      type: z.enum(ENTITY_TYPES).optional(),
      filter: z.string().max(200).optional(),
      includeHidden: z.boolean().optional(),
      limit: z.number().int().min(1).max(20_000).optional(),
    })
    .strict()
    .optional(),
  getEntity: z.object({ key: entityKey }).strict(),
  /** merge: `key` into `targetKey`; split: the spelling `targetKey` out of `key`; rename: to `name`; hide, unhide. */
  editEntity: z
    .object({
      kind: z.enum(['merge', 'split', 'rename', 'hide', 'unhide']),
      key: entityKey,
      targetKey: entityKey.optional(),
      name: z.string().max(200).optional(),
    })
    .strict(),
  undoEntityEdit: z.undefined(),
};
