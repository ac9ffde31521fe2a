import { foldWord } from '../search/normalise';

/**
 * Function words hidden from word lists and collocates when the user asks: short English and
 * Arabic lists, folded the way search folds words, so they match tokens' folded forms.
 */
const ENGLISH = `a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having he her here
hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once
only or other our ours ourselves out over own same she should so some such than that the their theirs them themselves then
there these they this those through to too under until up very was we were what when where which while who whom why will
with would you your yours yourself yourselves s t`;

const ARABIC = `في من على الى إلى عن مع هذا هذه ذلك تلك التي الذي الذين او أو ثم لا لم لن ما ان أن إن كان كانت قد كل بين
بعد قبل حتى هو هي هم هن نحن انا أنا انت أنت عند منذ وقد وفي ومن وعلى وان وأن فقد لقد ايضا أيضا غير بل اذا إذا لكن`;

export const STOP_WORDS: ReadonlySet<string> = new Set([...ENGLISH.split(/\s+/), ...ARABIC.split(/\s+/)].map(foldWord));
