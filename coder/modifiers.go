package coder

import (
	"strings"

	"github.com/dyad-events/dyad/dict"
)

// findModifiers returns the country adjectives that modify a noun which
// is not an actor ("an Australian ultimatum", "proposed Israeli changes").
// They are not actors of their own (an "Australian dollar" does nothing),
// but the owner of what a verb acts on ("rejected an Australian ultimatum"
// is aimed at Australia) or of an event noun ("Israeli air raids").
func (c *Coder) findModifiers(st *sentenceState) []*actor {
	toks := st.s.Tokens
	var out []*actor
	for _, m := range st.found {
		e := m.Best()
		if e.Kind != dict.Adjective || m.End >= len(toks) || st.covered(m.Start) {
			continue
		}
		if t := toks[m.End-1].Tag; t != "JJ" && t != "NNP" {
			continue // "Russians" is an actor already
		}
		// the adjective must stand in a noun phrase: the next word is a
		// noun, or an adjective/hyphen run ending in one
		j := m.End
		for j < len(toks) && j-m.End < 3 && (strings.HasPrefix(toks[j].Tag, "JJ") || toks[j].Tag == "HYPH" || toks[j].Tag == "VBN") {
			j++
		}
		if j >= len(toks) || !isNoun(toks[j]) || st.covered(j) {
			continue
		}
		out = append(out, &actor{start: m.Start, end: m.End, code: countryOf(e), country: countryOf(e), name: e.Name,
			kind: dict.Adjective, entries: []string{"modifier: " + e.Kind.String() + ":" + e.Name + " (" + e.Origin + ")"}})
	}
	return out
}

// modifierAt returns the country adjective starting at token k.
func (st *sentenceState) modifierAt(k int) *actor {
	for _, a := range st.modifiers {
		if a.start == k {
			return a
		}
	}
	return nil
}
