package dict

import (
	"fmt"
	"strings"
)

// ElemKind is the kind of one element of an event pattern.
type ElemKind uint8

// Pattern elements.
const (
	Word   ElemKind = iota + 1 // a word, matched by lemma; alternatives "on|against"
	Target                     // "+": the target actor
	Source                     // "$": the source actor, when it is not the subject
	Skip                       // "^": a phrase to pass over ("withdrew ^ from the treaty")
	// Compound "%" (PETRARCH) is a compound actor ("Gondor and Osgiliath"):
	// the event is coded between its members, usually with a paired code.
	Compound
)

var elemKindNames = [...]string{Word: "word", Target: "target", Source: "source", Skip: "skip", Compound: "compound"}

func (k ElemKind) String() string {
	if int(k) < len(elemKindNames) && elemKindNames[k] != "" {
		return elemKindNames[k]
	}
	return fmt.Sprintf("ElemKind(%d)", k)
}

// Elem is one element of a pattern.
type Elem struct {
	Kind  ElemKind
	Words []string // alternatives for Word, lower case lemmas or forms
	// Phrases are alternatives of several words that must stand together
	// ("economic sanctions", from a PETRARCH synset), lower case; a Word
	// element matches one of Words or one of Phrases.
	Phrases [][]string
	// Adjacent says that no other word may stand between this element and
	// its neighbour toward the anchor: for an element before the anchor
	// the element after it (or the anchor), for one after the anchor the
	// element before it (or the anchor). dyad's own patterns set it on
	// every element before the anchor ("right before it").
	Adjacent bool
}

// POS restricts what part of speech a pattern's anchor may have.
type POS uint8

// Anchor parts of speech.
const (
	AnyPOS POS = iota
	Verb
	Noun
)

// NullCode is PETRARCH's "no event" code: a pattern with it matches and
// stops the search for a pattern at its anchor, but produces no event.
const NullCode = "---"

// Pattern is one event pattern, e.g. `040  *meet with +  sym`: the anchor
// (a verb or noun lemma, marked with *), the words that must stand right
// before it, and the elements that must follow it in order within the
// clause. The source is the anchor's subject unless the pattern places a
// "$"; the target is the "+" actor, or, when the pattern has no "+", the
// first actor after the anchor in its clause.
type Pattern struct {
	// Code is the event code as written: CAMEO ("040"), or for imported
	// patterns anything the dictionary uses (WEIS-era "075A", NullCode).
	Code string
	// Reverse is the code of the event from the target to the source that
	// a PETRARCH paired code "[C:R]" adds ("left for" → visit and receive a
	// visit); "" when there is none. "[:R]" is Code NullCode with Reverse R.
	Reverse   string
	Anchor    []Elem // lemma sequence, lower case; each word may have alternatives
	POS       POS
	Before    []Elem
	After     []Elem
	Symmetric bool // meet, talk: "X and Y met" is one event between them
	NoTarget  bool // the event has no target (statements)
	// OptTarget: the target is the first actor after the anchor in its
	// clause when there is one, else the event has none ("Jordan and
	// Britain agreed to hold exercises").
	OptTarget bool
	// Fallback: the pattern codes an event only when no other pattern
	// codes one in the rest of its clause: a verb announcing an act
	// ("agreed to", "threatened to") yields to the act when the act is
	// known ("agreed to withdraw troops").
	Fallback bool
	// Petrarch marks a pattern with PETRARCH's reading: "+", "$", "^" and
	// "%" may stand before the anchor, elements before it need not be
	// adjacent (Adjacent says which are), codes are kept as written.
	Petrarch bool
	Text     string // the pattern as written
	Origin   string // file:line
	layer    int
}

// IsNull reports whether the pattern produces no event at all: it blocks
// less specific patterns of its anchor.
func (p *Pattern) IsNull() bool {
	return (p.Code == NullCode || p.Code == "") && (p.Reverse == "" || p.Reverse == NullCode)
}

// Specificity orders patterns: more elements match more narrowly and are
// tried first.
func (p *Pattern) Specificity() int {
	n := 2*len(p.Anchor) + 2*len(p.Before) + 2*len(p.After)
	if p.POS != AnyPOS {
		n++
	}
	return n
}

// Patterns indexes event patterns by the first lemma of their anchor. It
// also carries the sentence-level rules of the dictionary that are not
// anchored (discard phrases, issues).
type Patterns struct {
	byAnchor map[string][]*Pattern
	all      []*Pattern
	discards []Discard
	issues   []Issue
}

// NewPatterns returns an empty pattern set.
func NewPatterns() *Patterns { return &Patterns{byAnchor: map[string][]*Pattern{}} }

// Add indexes p, most specific first, equal ones in the order added. A
// layer that anchors a pattern on a word replaces what earlier layers
// anchored on it, as a layer's phrase replaces their meaning of the
// phrase: a PETRARCH dictionary's codes come out, not the default's.
func (ps *Patterns) Add(p *Pattern) {
	ps.all = append(ps.all, p)
	if len(p.Anchor) == 0 {
		return
	}
	spec := p.Specificity()
	seen := map[string]bool{}
	for _, k := range p.Anchor[0].Words {
		if seen[k] {
			continue
		}
		seen[k] = true
		list := ps.byAnchor[k]
		kept := list[:0]
		for _, q := range list {
			if q.layer >= p.layer {
				kept = append(kept, q)
			}
		}
		list = kept
		// insert after every pattern that sorts before or with p: an
		// insertion keeps the order a stable sort would give, without
		// sorting the list again for each of thousands of imported patterns
		i := len(list)
		for i > 0 && (list[i-1].Specificity() < spec || list[i-1].Specificity() == spec && list[i-1].layer < p.layer) {
			i--
		}
		list = append(list, nil)
		copy(list[i+1:], list[i:])
		list[i] = p
		ps.byAnchor[k] = list
	}
}

// dropBelow removes the patterns of layers before layer.
func (ps *Patterns) dropBelow(layer int) {
	keep := func(list []*Pattern) []*Pattern {
		out := list[:0]
		for _, p := range list {
			if p.layer >= layer {
				out = append(out, p)
			}
		}
		return out
	}
	ps.all = keep(ps.all)
	for k, list := range ps.byAnchor {
		if list = keep(list); len(list) == 0 {
			delete(ps.byAnchor, k)
		} else {
			ps.byAnchor[k] = list
		}
	}
}

// ForLemma returns the patterns whose anchor starts with lemma, most
// specific first.
func (ps *Patterns) ForLemma(lemma string) []*Pattern { return ps.byAnchor[lemma] }

// All returns every pattern in load order.
func (ps *Patterns) All() []*Pattern { return ps.all }

// Len is the number of patterns.
func (ps *Patterns) Len() int { return len(ps.all) }

// ParsePattern parses the pattern column of a patterns file:
// words before the anchor, the anchor (consecutive *lemma words, the
// first optionally suffixed /v or /n), then words, "+" and "$". A word may
// list alternatives ("on|against"), an alternative of several words joins
// them with "_" ("economic_sanctions|embargo"), and a "_" standing alone
// between two elements says they are adjacent ("*call _ upon +").
func ParsePattern(code, text string) (*Pattern, error) { return parsePattern(code, text, false) }

// ParsePetrarchPattern parses a pattern written with the petrarch flag:
// as ParsePattern, but "+", "$", "^" and "%" may stand before the anchor
// and the words before it need not be adjacent unless joined by "_".
func ParsePetrarchPattern(code, text string) (*Pattern, error) { return parsePattern(code, text, true) }

func parsePattern(code, text string, petrarch bool) (*Pattern, error) {
	p := &Pattern{Code: code, Text: text, Petrarch: petrarch}
	fields := strings.Fields(text)
	seenAnchor, afterAnchor := false, false
	joinNext := false // a "_" was read: the next element is adjacent to the last
	var last *Elem    // the element a following "_" ties to the next
	for i, f := range fields {
		if f == "_" {
			if i == 0 || i == len(fields)-1 || joinNext {
				return nil, fmt.Errorf("%q must stand between two elements in %q", "_", text)
			}
			joinNext = true
			continue
		}
		if strings.HasPrefix(f, "*") {
			if afterAnchor {
				return nil, fmt.Errorf("anchor words must be consecutive: %q", text)
			}
			w := strings.ToLower(f[1:])
			if !seenAnchor {
				if base, pos, ok := strings.Cut(w, "/"); ok {
					switch pos {
					case "v":
						p.POS = Verb
					case "n":
						p.POS = Noun
					default:
						return nil, fmt.Errorf("unknown part of speech %q in %q (want /v or /n)", pos, f)
					}
					w = base
				}
			}
			alts := strings.Split(w, "|")
			for _, a := range alts {
				if a == "" || strings.Contains(a, "_") {
					return nil, fmt.Errorf("bad anchor alternative %q in %q", a, text)
				}
			}
			if joinNext && last != nil && !seenAnchor {
				last.Adjacent = true // "re _ *arrest": the word right before the anchor
			}
			joinNext = false
			p.Anchor = append(p.Anchor, Elem{Kind: Word, Words: alts})
			seenAnchor = true
			last = &p.Anchor[len(p.Anchor)-1]
			continue
		}
		if seenAnchor {
			afterAnchor = true
		}
		var e Elem
		switch f {
		case "+":
			e.Kind = Target
		case "$":
			e.Kind = Source
		case "^":
			e.Kind = Skip
		case "%":
			if !petrarch {
				return nil, fmt.Errorf("%q (a compound actor) needs the petrarch flag", f)
			}
			e.Kind = Compound
		default:
			e.Kind = Word
			for _, alt := range strings.Split(strings.ToLower(f), "|") {
				words := strings.Split(alt, "_")
				for _, w := range words {
					if w == "" {
						return nil, fmt.Errorf("empty alternative in %q", f)
					}
				}
				if len(words) == 1 {
					e.Words = append(e.Words, alt)
				} else {
					e.Phrases = append(e.Phrases, words)
				}
			}
		}
		if !seenAnchor {
			if e.Kind != Word && !petrarch {
				return nil, fmt.Errorf("%q before the anchor: only words may precede it (the source is the subject)", f)
			}
			if joinNext && last != nil {
				last.Adjacent = true
			}
			// dyad's own patterns: the words before the anchor stand right
			// before it
			e.Adjacent = !petrarch
			p.Before = append(p.Before, e)
			last = &p.Before[len(p.Before)-1]
		} else {
			e.Adjacent = joinNext
			p.After = append(p.After, e)
			last = &p.After[len(p.After)-1]
		}
		joinNext = false
	}
	if !seenAnchor {
		return nil, fmt.Errorf("no anchor (a word marked with *) in %q", text)
	}
	targets, sources := 0, 0
	for _, es := range [][]Elem{p.Before, p.After} {
		for _, e := range es {
			switch e.Kind {
			case Target:
				targets++
			case Source:
				sources++
			}
		}
	}
	if targets > 1 || sources > 1 {
		return nil, fmt.Errorf("at most one + and one $ in %q", text)
	}
	return p, nil
}

// HasTarget reports whether the pattern places the target explicitly.
func (p *Pattern) HasTarget() bool { return p.has(Target) || p.has(Compound) }

// HasSource reports whether the pattern places the source explicitly.
func (p *Pattern) HasSource() bool { return p.has(Source) }

func (p *Pattern) has(k ElemKind) bool {
	for _, es := range [][]Elem{p.Before, p.After} {
		for _, e := range es {
			if e.Kind == k {
				return true
			}
		}
	}
	return false
}

// Words are the tokens of a sentence as patterns see them: each token's
// lemma and its lower-case form.
type Words struct {
	Lemmas, Forms []string
}

func (w Words) is(k int, word string) bool {
	return k < len(w.Lemmas) && w.Lemmas[k] == word || k < len(w.Forms) && w.Forms[k] == word
}

// MatchAt returns how many tokens a Word element matches starting at token
// i: 1 for one of Words (by lemma or form), the phrase's length for one of
// Phrases (the longest that fits), 0 when it does not match there.
func (e *Elem) MatchAt(w Words, i int) int {
	if e.Kind != Word || i < 0 || i >= len(w.Forms) {
		return 0
	}
	best := 0
	for _, ph := range e.Phrases {
		if len(ph) > best && w.phraseAt(i, ph) {
			best = len(ph)
		}
	}
	if best == 0 {
		for _, x := range e.Words {
			if w.is(i, x) {
				return 1
			}
		}
	}
	return best
}

// MatchEndingAt is MatchAt for matching right to left (the elements
// before an anchor): it returns how many tokens the element matches
// ending with token j, so they are [j-n+1, j].
func (e *Elem) MatchEndingAt(w Words, j int) int {
	if e.Kind != Word || j < 0 || j >= len(w.Forms) {
		return 0
	}
	best := 0
	for _, ph := range e.Phrases {
		if len(ph) > best && w.phraseAt(j-len(ph)+1, ph) {
			best = len(ph)
		}
	}
	if best == 0 {
		for _, x := range e.Words {
			if w.is(j, x) {
				return 1
			}
		}
	}
	return best
}

// phraseAt reports whether the words of ph stand at tokens i, i+1, ….
func (w Words) phraseAt(i int, ph []string) bool {
	if i < 0 || i+len(ph) > len(w.Forms) || i+len(ph) > len(w.Lemmas) {
		return false
	}
	for k, x := range ph {
		if !w.is(i+k, x) {
			return false
		}
	}
	return true
}

// ParsePatternRow reads a row of patterns.tsv: CODE, PATTERN and
// optional FLAGS: sym, notarget, opttarget, fallback (see Pattern), and
// petrarch, which reads the pattern
// with ParsePetrarchPattern and takes the code as written ("075A", "---",
// a paired "042:043", ":173") rather than as CAMEO digits.
func ParsePatternRow(f []string) (*Pattern, error) {
	if len(f) < 2 {
		return nil, fmt.Errorf("want CODE, PATTERN and optional FLAGS, got %d columns", len(f))
	}
	var sym, notarget, opttarget, fallback, petrarch bool
	if len(f) > 2 {
		for _, flag := range strings.Fields(f[2]) {
			switch flag {
			case "sym":
				sym = true
			case "notarget":
				notarget = true
			case "opttarget":
				opttarget = true
			case "fallback":
				fallback = true
			case "petrarch":
				petrarch = true
			default:
				return nil, fmt.Errorf("unknown flag %q (want sym, notarget, opttarget, fallback or petrarch)", flag)
			}
		}
	}
	code, rev := f[0], ""
	if petrarch {
		var paired bool
		code, rev, paired = strings.Cut(f[0], ":")
		if code == "" && paired {
			code = NullCode
		}
		if code == "" || paired && rev == "" || strings.ContainsAny(f[0], " \t[]{}()|") || strings.Count(f[0], ":") > 1 {
			return nil, fmt.Errorf("bad event code %q (want CODE, CODE:REVERSE or :REVERSE)", f[0])
		}
	} else if !isDigits(code) {
		return nil, fmt.Errorf("bad event code %q", f[0])
	}
	p, err := parsePattern(code, f[1], petrarch)
	if err != nil {
		return nil, err
	}
	if notarget && opttarget {
		return nil, fmt.Errorf("flags notarget and opttarget exclude each other")
	}
	p.Reverse, p.Symmetric, p.NoTarget, p.OptTarget, p.Fallback = rev, sym, notarget, opttarget, fallback
	return p, nil
}
