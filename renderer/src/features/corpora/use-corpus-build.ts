import { useEffect, useState } from 'react';
import type { CorpusBuildStatus } from '@common/corpus/corpus-choice-types';
import type { IpcError } from '@common/result';
import { callApi } from '../../shared/data/call-api';

const POLL_MS = 250;

export type BuildWatch = { status?: CorpusBuildStatus; error?: IpcError };

/** Follows a corpus build (polling its status) until it is no longer running. */
export function useCorpusBuild(jobId: string | undefined, initial?: CorpusBuildStatus): BuildWatch {
  const [watch, setWatch] = useState<BuildWatch & { jobId?: string }>({ jobId, status: initial });
  useEffect(() => {
    if (!jobId) return;
    let live = true;
    let timer: number | undefined;
    const poll = async () => {
      const result = await callApi('getCorpusBuild', { jobId });
      if (!live) return;
      if (!result.ok) return setWatch({ jobId, error: result.error });
      setWatch({ jobId, status: result.value });
      if (result.value.state === 'running') timer = window.setTimeout(poll, POLL_MS);
    };
    void poll();
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [jobId]);
  return watch.jobId === jobId ? watch : {};
}
