import type { z } from 'zod';
import type { SecurityStatus } from '../../security/security-status';
import type { SECURITY_SCHEMAS } from './security-schemas';
import { featureChannels } from './feature-channels';

/** The Security view's evidence. */
export interface SecurityContract {
  /** Facts for the Security view: blocked requests, corpus integrity, user database. */
  getSecurityStatus(input: z.infer<(typeof SECURITY_SCHEMAS)['getSecurityStatus']>): SecurityStatus;
}

export const SECURITY_CHANNELS = featureChannels('security', ['getSecurityStatus']);
