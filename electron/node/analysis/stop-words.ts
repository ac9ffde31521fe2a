import { foldWord } from '../search/normalise';

/**
 * Function words hidden from word lists, n-grams and collocates when the user asks, folded the
 * way search folds words, so they match tokens' folded forms.
 *
 * English: Lunr's stop-word list (lunr 2.3.9, `lunr.stopWordFilter` in node_modules/lunr/lunr.js,
 * MIT, © Oliver Nightingale; the library Carrel's index is compatible with), 119 words, with the
 * pronouns, auxiliaries and prepositions Carrel's first list held that Lunr's lacks.
 */
const LUNR_ENGLISH = `a able about across after all almost also am among an and any are as at be because been but by can
cannot could dear did do does either else ever every for from get got had has have he her hers him his how however i if in
into is it its just least let like likely may me might most must my neither no nor not of off often on only or other our own
rather said say says she should since so some than that the their them then there these they this tis to too twas us wants
was we were what when where which while who whom why will with would yet you your`;

const CARREL_ENGLISH = `above again against before being below between both doing down during each few further having here herself
himself itself more myself once ours ourselves out over same such theirs themselves those through under until up very yours
yourself yourselves s t`;

/**
 * Arabic: compiled for Carrel from the closed word classes of Modern Standard Arabic grammar
 * (no list of another project copied): prepositions, pronouns, demonstratives, relative pronouns,
 * conjunctions, particles (negation, emphasis, interrogation, condition, exception, future),
 * kāna and its sisters, and the prepositions with their attached pronouns. Each is also listed
 * with the conjunction و or ف written joined to it (وفي, فقد), as Arabic writes it.
 */
const ARABIC_PARTICLES = `
في من الى إلى على عن مع حتى منذ مذ عند لدى نحو خلال بين بعد قبل فوق تحت امام أمام خلف وراء دون ضد حول عبر ضمن سوى عدا
هو هي هم هن هما انا أنا نحن انت أنت انتم أنتم انتن أنتما اياه إياه اياها إياها اياهم إياهم
هذا هذه هذان هاتان هؤلاء ذلك تلك ذلكم اولئك أولئك هنا هناك هنالك
الذي التي الذين اللذان اللتان اللاتي اللواتي اللائي
او أو ام أم ثم بل لكن حيث اذ إذ اذا إذا لما كما كي لكي لان لأن بينما حين
قد لقد لا لم لن ليس ليست ما ان أن إن كأن لعل ليت سوف هل اي أي كل كلا بعض غير ايضا أيضا فقط جدا الا إلا نعم لو لولا
كيف متى اين أين كم ماذا لماذا
كان كانت كانوا يكون تكون اصبح أصبح صار ظل بات مازال لازال
عليه عليها عليهم فيه فيها فيهم منه منها منهم له لها لهم به بها بهم اليه إليه اليها إليها عنه عنها معه معها`;

const arabic = ARABIC_PARTICLES.split(/\s+/).filter(Boolean);
const withConjunctions = arabic.flatMap((word) => [word, `و${word}`, `ف${word}`]);

export const STOP_WORDS: ReadonlySet<string> = new Set(
  [...LUNR_ENGLISH.split(/\s+/), ...CARREL_ENGLISH.split(/\s+/), ...withConjunctions].filter(Boolean).map(foldWord),
);
