import type { CorpusBuildStatus } from '@common/corpus/corpus-choice-types';
import { buildFraction } from './build-figures';
import { useCorpusBuild } from './use-corpus-build';
import './corpora.css';

/** In the header while the user reads elsewhere: how far the build is, and a way back to it. */
export function BuildIndicator({ build, onShow }: { build: CorpusBuildStatus; onShow: () => void }) {
  const { status } = useCorpusBuild(build.jobId, build);
  if (!status) return null;
  const label =
    status.state === 'running'
      ? `Building corpus… ${Math.round(buildFraction(status) * 100)}%`
      : status.state === 'done'
        ? 'Corpus built'
        : status.state === 'failed'
          ? 'Corpus build failed'
          : 'Build cancelled';
  return (
    <button type="button" className="nav-button build-indicator" data-state={status.state} onClick={onShow}>
      {label}
    </button>
  );
}
