import { describe, expect, it } from 'vitest';
import { featureChannels } from '../../../../../electron/common/ipc/contract/feature-channels';
import { CHANNELS } from '../../../../../electron/common/ipc/ipc-contract';

describe('featureChannels', () => {
  it('derives carrel:<feature>:<kebab-method> for each method of a feature', () => {
    expect(featureChannels('user-data', ['getUserDataStatus', 'retryUserData'])).toEqual({
      getUserDataStatus: 'carrel:user-data:get-user-data-status',
      retryUserData: 'carrel:user-data:retry-user-data',
    });
  });

  it('gives every method of the contract a channel of that form', () => {
    for (const [method, channel] of Object.entries(CHANNELS)) {
      expect(channel).toMatch(/^carrel:[a-z]+(-[a-z]+)*:[a-z]+(-[a-z]+)*$/);
      expect(channel.endsWith(`:${method.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`)).toBe(true);
    }
  });
});
