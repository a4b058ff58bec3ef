/**
 * Cyrillic and Greek letters (and a few Latin variants) that look like ASCII letters, folded to
 * the letter they imitate, so `іgnоrе` spelled with Cyrillic і, о and е matches `ignore`. Applied
 * after NFKC and lower-casing, only in the Latin matching view. Any change bumps
 * GUARDRAIL_SET_VERSION.
 */
export const CONFUSABLES: Readonly<Record<string, string>> = {
  // Cyrillic
  "\u0430": "a", "\u0431": "b", "\u0432": "b", "\u0433": "r", "\u0435": "e", "\u0451": "e", "\u0454": "e",
  "\u0456": "i", "\u0457": "i", "\u0458": "j", "\u043A": "k", "\u043C": "m", "\u043D": "h", "\u043E": "o",
  "\u043F": "n", "\u0440": "p", "\u0441": "c", "\u0442": "t", "\u0443": "y", "\u0445": "x", "\u0455": "s",
  "\u0501": "d", "\u04BB": "h", "\u050D": "g", "\u051B": "q", "\u051D": "w", "\u04CF": "l", "\u0491": "r",
  "\u044C": "b", "\u0461": "w", "\u04AF": "y", "\u0475": "v",
  // Greek
  "\u03B1": "a", "\u03B2": "b", "\u03B3": "y", "\u03B5": "e", "\u03B7": "n", "\u03B9": "i", "\u03BA": "k",
  "\u03BD": "v", "\u03BF": "o", "\u03C1": "p", "\u03C4": "t", "\u03C5": "u", "\u03C7": "x", "\u03C9": "w",
  "\u03F2": "c", "\u03F3": "j", "\u03C2": "c", "\u03BC": "u",
  // Latin variants and punctuation
  "\u0131": "i", "\u0261": "g", "\u0251": "a", "\u0269": "i", "\u026A": "i", "\u1D00": "a", "\u0299": "b",
  "\u1D04": "c", "\u1D05": "d", "\u1D07": "e", "\u0262": "g", "\u029C": "h", "\u1D0A": "j", "\u1D0B": "k",
  "\u029F": "l", "\u1D0D": "m", "\u0274": "n", "\u1D0F": "o", "\u1D18": "p", "\u0280": "r", "\uA731": "s",
  "\u1D1B": "t", "\u1D1C": "u", "\u1D20": "v", "\u1D21": "w", "\u028F": "y", "\u1D22": "z", "\u00DF": "ss",
  "\u0142": "l", "\u00F8": "o", "\u0111": "d", "\u0127": "h",
  "\u2018": "'", "\u2019": "'", "\u201A": "'", "\u201B": "'", "\u201C": '"', "\u201D": '"', "\u201E": '"',
  "\u00AB": '"', "\u00BB": '"', "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
  "\u2212": "-", "\u2022": "*", "\u00B7": ".",
};
