import { z } from 'zod';

/** Arguments of the security methods (security-contract.ts). */
export const SECURITY_SCHEMAS = {
  getSecurityStatus: z.undefined(),
};
