package coder

import (
	"fmt"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/dict"
)

// match is one pattern matched around an anchor.
type match struct {
	pattern          *dict.Pattern
	anchor, anchorTo int // token range of the anchor
	evStart, evEnd   int // token range of the evidence words
	sources, targets []*actor
	passive          bool
	noun             bool
}

func lemmaOf(t dyad.Token) string {
	if t.Lemma != "" {
		return t.Lemma
	}
	return strings.ToLower(t.Text)
}

// wordIs reports whether token t is one of the words (by lemma or form).
func wordIs(t dyad.Token, words []string) bool {
	l, w := lemmaOf(t), strings.ToLower(t.Text)
	for _, x := range words {
		if x == l || x == w {
			return true
		}
	}
	return false
}

func isVerb(t dyad.Token) bool { return strings.HasPrefix(t.Tag, "VB") }
func isNoun(t dyad.Token) bool { return strings.HasPrefix(t.Tag, "NN") }

// actorAt returns the actor starting at token k (pronouns included).
func (st *sentenceState) actorAt(k int) *actor {
	for _, a := range st.actors {
		if a.start == k {
			return a
		}
	}
	return nil
}

// actorEndingAt returns the actor whose last token is k-1.
func (st *sentenceState) actorEndingAt(k int) *actor {
	for _, a := range st.actors {
		if a.end == k && !a.place {
			return a
		}
	}
	return nil
}

func (st *sentenceState) insideActor(k int) bool {
	for _, a := range st.actors {
		if !a.pronoun && a.start <= k && k < a.end {
			return true
		}
	}
	return false
}

// clauseEnd is the token index where the clause containing k ends, looking
// right: at strong punctuation, a quote mark, or a comma or conjunction
// that opens a new clause.
func (st *sentenceState) clauseEnd(k int) int {
	toks := st.s.Tokens
	for i := k + 1; i < len(toks); i++ {
		t := toks[i]
		switch t.Text {
		case "(":
			// a short parenthesis ("(PKK)") is passed over, a long one ends the clause
			j := i + 1
			for j < len(toks) && j-i <= 6 && toks[j].Text != ")" {
				j++
			}
			if j < len(toks) && toks[j].Text == ")" && j-i <= 6 {
				i = j
				continue
			}
			return i
		case ";", ":", ".", "?", "!", "“", "”", "\"":
			return i
		case ",":
			if i+1 < len(toks) {
				n := toks[i+1]
				if isVerb(n) || n.Tag == "WP" || n.Tag == "WDT" || n.Tag == "CC" || n.Tag == "IN" && n.Text != "of" || n.Text == "“" || n.Text == "\"" {
					return i
				}
			}
			if reportingClause(toks, i+1) {
				return i // "…, a Jordanian official confirmed."
			}
		case "and", "but", "while", "whereas":
			if i+1 < len(toks) && (isVerb(toks[i+1]) || st.actorAt(i+1) != nil && nextVerb(toks, st.actorAt(i+1).end)) {
				return i
			}
		case "who", "which":
			return i
		}
	}
	return len(toks)
}

// reportingClause reports whether the words from i are a trailing
// attribution: a short noun phrase and a verb of saying ("a Jordanian
// official confirmed", "the ministry said on Monday").
func reportingClause(toks []dyad.Token, i int) bool {
	for j := i; j < len(toks) && j-i <= 10; j++ {
		t := toks[j]
		if t.Text == "," || t.Text == ";" {
			return false
		}
		if isVerb(t) {
			if t.Tag == "VBD" || t.Tag == "VBZ" || t.Tag == "VBP" {
				return reportVerbs[lemmaOf(t)]
			}
			// "a Jordanian official confirmed." often comes out VBN
			if t.Tag == "VBN" && reportVerbs[lemmaOf(t)] && (j+1 == len(toks) || !strings.EqualFold(toks[j+1].Text, "by")) {
				return true
			}
			if t.Tag != "VBN" && t.Tag != "VBG" {
				return false // "issued by", "representing" modify the noun
			}
		}
	}
	return false
}

var reportVerbs = map[string]bool{"say": true, "confirm": true, "report": true, "announce": true, "tell": true,
	"add": true, "state": true, "quote": true, "claim": true, "write": true}

func nextVerb(toks []dyad.Token, i int) bool {
	for ; i < len(toks); i++ {
		switch {
		case toks[i].Tag == "RB" || toks[i].Tag == "MD":
			continue
		case isVerb(toks[i]):
			return true
		}
		return false
	}
	return false
}

var nonSubjectPreps = map[string]bool{
	"with": true, "to": true, "against": true, "on": true, "at": true, "from": true, "for": true, "about": true,
	"in": true, "into": true, "toward": true, "towards": true, "over": true, "between": true, "among": true,
	"despite": true, "like": true, "than": true, "beyond": true, "under": true,
}

// subject finds the subject of the verb at token k: the nearest actor to
// its left in the same clause, skipping prepositional objects. A verb
// coordinated with an earlier one ("talked with Putin and said") or a
// participle after a comma shares that verb's subject.
func (st *sentenceState) subject(k, depth int) *actor {
	toks := st.s.Tokens
	if depth > 3 {
		return nil
	}
	// coordination: skip adverbs and auxiliaries back to a conjunction
	j := k - 1
	for j >= 0 && (toks[j].Tag == "RB" || toks[j].Tag == "MD" || toks[j].Tag == "TO" || isAux(toks[j])) {
		j--
	}
	if j >= 0 && (toks[j].Tag == "CC" || toks[j].Text == "," && toks[k].Tag == "VBG") {
		for v := j - 1; v >= 0 && j-v < 25; v-- {
			// an infinitive ("urged the embassy to reconsider and spoke")
			// is not the verb the conjunction continues
			if isVerb(toks[v]) && !isAux(toks[v]) && !st.insideActor(v) && !(v > 0 && toks[v-1].Tag == "TO") {
				if s := st.subject(v, depth+1); s != nil {
					return s
				}
				break
			}
			if toks[v].Text == ";" || toks[v].Text == ":" {
				break
			}
		}
	}
	if toks[k].Tag == "VBG" && k > 0 && !isAux(toks[k-1]) {
		// "wrote to the embassy in London asking …": a participle after a
		// prepositional object modifies the clause, whose subject it shares
		if a := st.actorEndingAt(k); a != nil && a.start > 0 && nonSubjectPreps[strings.ToLower(toks[a.start-1].Text)] {
			for v := a.start - 1; v >= 0 && k-v < 25; v-- {
				if isVerb(toks[v]) && !isAux(toks[v]) && toks[v].Tag != "VBG" && !st.insideActor(v) {
					return st.subject(v, depth+1)
				}
			}
		}
	}
	if k >= 3 && toks[k-1].Tag == "TO" && isNoun(toks[k-2]) && (toks[k-3].Tag == "DT" || strings.HasPrefix(toks[k-3].Tag, "JJ") || toks[k-3].Tag == "PRP$") {
		return nil // "a plan to increase sanctions": nobody in the text is doing it
	}
	for i := k - 1; i >= 0 && k-i < 30; i-- {
		t := toks[i]
		switch {
		case t.Text == ";" || t.Text == ":":
			return nil
		case (t.Text == "“" || t.Text == "\"") && st.inQuote[k] && !st.inQuote[i]:
			return nil // a verb inside a quote takes its subject inside it
		case t.Tag == "WP" || t.Tag == "WDT":
			// relative clause: "Trump, who had claimed …" → Trump
			for e := i; e >= i-2 && e >= 0; e-- {
				if a := st.actorEndingAt(e); a != nil {
					return a
				}
			}
			return nil
		case strings.EqualFold(t.Text, "that") && t.Tag == "IN":
			return nil // complement clause: "said that X will …" has its subject after "that"
		case t.Text == ",":
			// "Pakistan, a key U.S. ally in the war, has refused": the
			// subject stands before the apposition
			if a := st.beforeApposition(i); a != nil {
				return a
			}
		}
		if a := st.actorEndingAt(i + 1); a != nil {
			if a.end < len(toks) && toks[a.end].Tag == "POS" {
				return nil // "Protesters' demands include …": the subject is what they own
			}
			if a.start > 0 && nonSubjectPreps[strings.ToLower(toks[a.start-1].Text)] {
				i = a.start
				continue
			}
			if a.start > 0 && toks[a.start-1].Tag == "POS" && st.actorEndingAt(a.start-1) != nil {
				i = a.start
				continue // "Trump's Russia policy": Russia is owned, not acting
			}
			return a
		}
	}
	return nil
}

// beforeApposition returns the actor before an apposition that ends with
// the comma at token i: "X, a noun phrase without a verb,".
func (st *sentenceState) beforeApposition(i int) *actor {
	toks := st.s.Tokens
	for j := i - 1; j > 0 && i-j <= 12; j-- {
		if isVerb(toks[j]) || toks[j].Tag == "WP" || toks[j].Tag == "WDT" {
			return nil
		}
		if toks[j].Text == "," {
			if j+1 < len(toks) && toks[j+1].Tag != "DT" {
				return nil // only "X, a/the …," is an apposition here
			}
			if a := st.actorEndingAt(j); a != nil {
				return a
			}
			return nil
		}
	}
	return nil
}

func isAux(t dyad.Token) bool {
	switch strings.ToLower(t.Text) {
	case "be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re", "'m",
		"have", "has", "had", "having", "'ve", "'d", "do", "does", "did", "will", "would", "shall",
		"should", "can", "could", "may", "might", "must", "'ll", "not", "n't", "get", "got":
		return true
	}
	return false
}

// coordinated returns a and the actors coordinated with it by "and" or
// commas, in text order.
func (st *sentenceState) coordinated(a *actor) []*actor {
	toks := st.s.Tokens
	out := []*actor{a}
	// leftwards
	cur := a
	for cur.start >= 2 {
		sep := strings.ToLower(toks[cur.start-1].Text)
		if sep != "and" && sep != "," && sep != "&" {
			break
		}
		b := st.actorEndingAt(cur.start - 1)
		if b == nil {
			break
		}
		out = append([]*actor{b}, out...)
		cur = b
	}
	// rightwards
	cur = a
	for cur.end+1 < len(toks) {
		// "the Kurdistan Workers' Party (PKK) and …": pass the acronym
		if toks[cur.end].Text == "(" {
			if b := st.actorAt(cur.end + 1); b != nil && b.end < len(toks) && toks[b.end].Text == ")" && b.code == cur.code {
				cur = &actor{start: cur.start, end: b.end + 1, code: cur.code}
				continue
			}
		}
		sep := strings.ToLower(toks[cur.end].Text)
		if sep != "and" && sep != "," && sep != "&" {
			break
		}
		b := st.actorAt(cur.end + 1)
		if b == nil || b.place {
			break
		}
		out = append(out, b)
		cur = b
	}
	return out
}

// nounSource finds the source of a noun anchor: its possessor ("Trump's
// summit", "his talk"), an actor right before it ("US sanctions",
// "Zelensky meeting"), else the subject of the verb governing it ("He
// increased verbal attacks").
func (st *sentenceState) nounSource(k, before int) *actor {
	toks := st.s.Tokens
	j := k - before - 1
	for j >= 0 && (toks[j].Tag == "JJ" || toks[j].Tag == "JJR" || toks[j].Tag == "VBN" || toks[j].Tag == "CD" || toks[j].Tag == "``" || isQuoteMark(toks[j].Text) ||
		toks[j].Tag == "HYPH" || (toks[j].Tag == "NN" || toks[j].Tag == "NNS") && !st.insideActor(j)) {
		j--
	}
	if j < 0 {
		return nil
	}
	if toks[j].Tag == "POS" {
		return st.actorEndingAt(j)
	}
	if a := st.actorEndingAt(j + 1); a != nil && !a.place {
		return a
	}
	if strings.EqualFold(toks[j].Text, "of") {
		return nil // "the criticism of X": X is the target, the source is elsewhere
	}
	// "He increased verbal attacks", "began a military offensive": the
	// subject of the verb governing the noun
	for v := j; v >= 0 && j-v < 12; v-- {
		t := toks[v]
		if t.Text == "," || t.Text == ";" || t.Tag == "WDT" {
			break
		}
		if isVerb(t) && !isAux(t) {
			if speechVerbs[lemmaOf(t)] {
				return nil // "X said the ban on Y …": the ban is not X's
			}
			return st.subject(v, 1)
		}
	}
	return nil
}

// speechVerbs report or judge; a noun event in their object belongs to
// someone else.
var speechVerbs = map[string]bool{
	"say": true, "report": true, "tell": true, "add": true, "note": true, "write": true, "claim": true,
	"state": true, "believe": true, "think": true, "hope": true, "include": true, "cite": true,
}

// matchPattern tries pattern p with its anchor at token k.
func (c *Coder) matchPattern(st *sentenceState, p *dict.Pattern, k int) (*match, string) {
	toks := st.s.Tokens
	t := toks[k]
	switch p.POS {
	case dict.Verb:
		if !isVerb(t) {
			return nil, "anchor is not a verb here"
		}
	}
	if (t.Tag == "VBN" || t.Tag == "VBD") && k > 0 && adjectiveSlot(toks[k-1].Tag) && k+1 < len(toks) && (isNoun(toks[k+1]) || strings.HasPrefix(toks[k+1].Tag, "JJ")) && !precededByAux(toks, k) {
		return nil, "participle used as an adjective (\"alleged plots\")"
	}
	switch p.POS {
	case dict.Noun:
		if !isNoun(t) && !nounLikeAdj(toks, k) {
			return nil, "anchor is not a noun here"
		}
	}
	noun := isNoun(t) || nounLikeAdj(toks, k)
	if !isVerb(t) && !noun {
		return nil, "anchor is neither verb nor noun"
	}
	m := &match{pattern: p, anchor: k, anchorTo: k + len(p.Anchor), noun: noun}
	if m.anchorTo > len(toks) {
		return nil, "sentence ends inside the anchor"
	}
	for i := 1; i < len(p.Anchor); i++ {
		if !wordIs(toks[k+i], p.Anchor[i].Words) {
			return nil, fmt.Sprintf("anchor word %q missing", strings.Join(p.Anchor[i].Words, "|"))
		}
	}
	beforeStart, beforeSource, beforeTarget, why := st.matchBefore(p, k)
	if why != "" {
		return nil, why
	}
	m.evStart, m.evEnd = beforeStart, m.anchorTo
	// the verb group: auxiliaries and adverbs before a verb anchor count as
	// evidence ("will meet next week with")
	if !m.noun {
		for m.evStart > 0 {
			prev := toks[m.evStart-1]
			if prev.Tag != "MD" && prev.Tag != "RB" && !isAux(prev) {
				break
			}
			m.evStart--
		}
		m.passive = t.Tag == "VBN" && precededByBe(toks, k)
	}
	end := st.clauseEnd(k)
	pos := m.anchorTo
	var explicitSource []*actor
	for _, e := range p.After {
		switch e.Kind {
		case dict.Word:
			found, n := -1, 0
			gap := 5 // words allowed before the element, one more after a verb
			if !m.noun {
				gap = 6
			}
			for i := pos; i < end && i < pos+gap; i++ {
				if n = e.MatchAt(st.pw, i); n > 0 {
					found = i
					break
				}
				if e.Adjacent {
					break
				}
			}
			if found < 0 {
				return nil, fmt.Sprintf("no %q after the anchor", strings.Join(e.Words, "|"))
			}
			pos = found + n
			m.evEnd = pos
		case dict.Skip:
			if pos >= end {
				return nil, "nothing to skip (^) before the clause ends"
			}
			pos++
		case dict.Target, dict.Source, dict.Compound:
			if m.passive && e.Kind == dict.Target {
				continue // "X was attacked by Y": the target is the subject
			}
			a := st.firstActorFrom(pos, end, 4, e.Kind == dict.Target && responds(p))
			if a != nil && e.Kind == dict.Compound && len(st.coordinated(a)) < 2 {
				a = nil
			}
			if a == nil {
				return nil, "no actor where the pattern puts the " + map[dict.ElemKind]string{dict.Target: "target", dict.Source: "source"}[e.Kind]
			}
			if e.Kind != dict.Source {
				m.targets = st.coordinated(a)
				pos = m.targets[len(m.targets)-1].end
			} else {
				explicitSource = st.coordinated(a)
				pos = explicitSource[len(explicitSource)-1].end
			}
		}
	}
	if beforeTarget != nil {
		m.targets = st.coordinated(beforeTarget)
	}
	if !p.HasTarget() && !p.NoTarget {
		skip := 6
		if p.Petrarch || p.OptTarget {
			skip = 10 // PETRARCH: the first actor in the verb's objects ("restore full ties with X")
		}
		if a := st.firstActorFrom(pos, end, skip, responds(p)); a != nil {
			m.targets = st.coordinated(a)
		} else if a := st.firstActorAfter(pos, end, p.Petrarch || p.OptTarget); a != nil {
			m.targets = st.coordinated(a)
		}
	}
	if beforeSource != nil {
		explicitSource = st.coordinated(beforeSource)
	}
	var subj *actor
	if m.noun {
		subj = st.nounSource(k, k-beforeStart)
	} else {
		subj = st.subject(k, 0)
	}
	switch {
	case explicitSource != nil:
		m.sources = explicitSource
	case m.passive:
		// "X was attacked by Y": the subject is the target, "by" names the source
		by := -1
		for i := m.anchorTo; i < end && i < m.anchorTo+6; i++ {
			if strings.EqualFold(toks[i].Text, "by") {
				by = i
				break
			}
		}
		if by < 0 {
			return nil, "passive without an agent (\"by …\")"
		}
		a := st.firstActorFrom(by+1, end, 3, false)
		if a != nil && a.end < len(toks) && isNoun(toks[a.end]) && a.kind != dict.Person {
			a = nil // "hit by drone strikes": the actor word only modifies the agent noun
		}
		if a == nil || subj == nil {
			return nil, "passive: agent or patient is not a known actor"
		}
		m.sources, m.targets = st.coordinated(a), st.coordinated(subj)
	case subj != nil:
		m.sources = st.coordinated(subj)
	}
	if len(m.sources) == 0 {
		return nil, "no source actor (subject) found"
	}
	if len(m.targets) == 0 && !p.NoTarget && !p.OptTarget && !(p.Symmetric && len(m.sources) > 1) {
		return nil, "no target actor found"
	}
	return m, ""
}

// adjectiveSlot reports whether a word after a token tagged tag stands
// where adjectives do ("over alleged plots", "the banned party",
// "guarding captured militants").
func adjectiveSlot(tag string) bool {
	return tag == "DT" || tag == "IN" || tag == "JJ" || tag == "PRP$" || tag == "VBG" || tag == "VB" || tag == "HYPH"
}

func precededByAux(toks []dyad.Token, k int) bool {
	for i := k - 1; i >= 0 && i >= k-3; i-- {
		if isAux(toks[i]) {
			return true
		}
		if toks[i].Tag != "RB" {
			return false
		}
	}
	return false
}

func precededByBe(toks []dyad.Token, k int) bool {
	for i := k - 1; i >= 0 && i >= k-4; i-- {
		switch strings.ToLower(toks[i].Text) {
		case "is", "are", "was", "were", "be", "been", "being", "get", "got", "gets":
			return true
		}
		if toks[i].Tag != "RB" && toks[i].Tag != "MD" && toks[i].Text != "not" && toks[i].Text != "n't" {
			return false
		}
	}
	return false
}

// firstActorFrom returns the first actor starting in [from, end) with at
// most skip modifier tokens (determiners, adjectives, numbers) before it.
// A noun that is not an actor stops the search: in "attacked the
// proclamation of the Golan Heights" the proclamation is the object.
// Places count: "visited Kharkiv", "strikes on Aleppo".
//
// With author set, a proposal noun followed by "by" or "from" passes the
// search to its author: who "rejected calls by Belarus" answers Belarus.
func (st *sentenceState) firstActorFrom(from, end, skip int, author bool) *actor {
	toks := st.s.Tokens
	for i := from; i < end && i-from <= skip; i++ {
		for _, a := range st.actors {
			if a.start == i {
				return a
			}
		}
		if a := st.modifierAt(i); a != nil {
			return a
		}
		switch toks[i].Tag {
		case "DT", "PDT", "JJ", "JJR", "JJS", "CD", "RB", "PRP$", "POS", "HYPH", "``", "''", "NFP", "SYM":
			continue
		case "VBN":
			if i+1 < end && (isNoun(toks[i+1]) || strings.HasPrefix(toks[i+1].Tag, "JJ") || st.modifierAt(i+1) != nil) {
				continue // "rejected proposed Israeli changes"
			}
		}
		if w := strings.ToLower(toks[i].Text); w == "both" || w == "either" || w == "#" || isQuoteMark(w) {
			continue
		}
		// "allies such as Germany", "neighbours including Iran": the
		// actor is named as an example of the noun
		if i+2 < end && (strings.EqualFold(toks[i+1].Text, "such") && strings.EqualFold(toks[i+2].Text, "as")) {
			i += 2
			skip += 2
			continue
		}
		if i+1 < end && (strings.EqualFold(toks[i+1].Text, "including") || strings.EqualFold(toks[i+1].Text, "like")) {
			i++
			skip++
			continue
		}
		// "rejected calls by Belarus", "an appeal from President Gbagbo":
		// the object's author is who the act is aimed at
		if author && proposalNouns[lemmaOf(toks[i])] && i+1 < end && (strings.EqualFold(toks[i+1].Text, "by") || strings.EqualFold(toks[i+1].Text, "from")) {
			i++
			skip += 2
			continue
		}
		return nil
	}
	return nil
}

// responds reports whether p codes an answer to someone's proposal:
// yielding (08) or rejecting (12).
func responds(p *dict.Pattern) bool {
	r := p.Code
	if len(r) >= 2 {
		r = r[:2]
	}
	return r == "08" || r == "12"
}

// proposalNouns name what an actor puts to another.
var proposalNouns = map[string]bool{"call": true, "appeal": true, "offer": true, "proposal": true, "request": true,
	"demand": true, "plan": true, "ultimatum": true, "invitation": true, "initiative": true, "suggestion": true,
	"bid": true, "order": true, "plea": true, "proposition": true}

func isQuoteMark(s string) bool {
	switch s {
	case "\"", "“", "”", "'", "‘", "’":
		return true
	}
	return false
}

// nounLikeAdj reports whether a word tagged JJ is used as a noun: after a
// determiner or adjective and before a preposition ("a military offensive
// into"), a common tagger confusion.
func nounLikeAdj(toks []dyad.Token, k int) bool {
	if toks[k].Tag != "JJ" || k == 0 || k+1 >= len(toks) {
		return false
	}
	p := toks[k-1].Tag
	return (p == "DT" || p == "JJ" || p == "PRP$") && toks[k+1].Tag == "IN"
}

// matchBefore matches the elements a pattern places before its anchor,
// right to left. dyad's own patterns want them adjacent ("verbal *attack");
// PETRARCH patterns allow words between unless the element is Adjacent,
// and may place the source or target there ("- + * WITH $"). It returns
// where the matched words start and the actors the elements placed.
func (st *sentenceState) matchBefore(p *dict.Pattern, k int) (start int, src, tgt *actor, why string) {
	pos := k - 1 // last token still free before the anchor
	start = k
	for i := len(p.Before) - 1; i >= 0; i-- {
		e := p.Before[i]
		adjacent := e.Adjacent || !p.Petrarch
		maxGap := 6
		if adjacent {
			maxGap = 0
		}
		found := false
		for j := pos; j >= 0 && pos-j <= maxGap; j-- {
			switch e.Kind {
			case dict.Word:
				if n := e.MatchEndingAt(st.pw, j); n > 0 {
					pos, found = j-n, true
				}
			case dict.Target, dict.Source, dict.Compound:
				// "%" wants a compound actor: two or more coordinated ones
				if a := st.actorEndingAt(j + 1); a != nil && (e.Kind != dict.Compound || len(st.coordinated(a)) > 1) {
					if e.Kind == dict.Source {
						src = a
					} else {
						tgt = a
					}
					pos, found = a.start-1, true
				}
			case dict.Skip:
				pos, found = j-1, true
			}
			if found {
				break
			}
			if t := st.s.Tokens[j].Text; t == ";" || t == ":" {
				break
			}
		}
		if !found {
			return 0, nil, nil, fmt.Sprintf("%s %q not found before the anchor", e.Kind, strings.Join(e.Words, "|"))
		}
		if pos+1 < start && e.Kind == dict.Word {
			start = pos + 1
		}
	}
	return start, src, tgt, ""
}

// firstActorAfter returns the first actor in [from, end) past any words,
// for PETRARCH patterns whose target is wherever the verb's object is.
func (st *sentenceState) firstActorAfter(from, end int, ok bool) *actor {
	if !ok {
		return nil
	}
	var first *actor
	for _, a := range st.actors {
		if a.start >= from && a.start < end && !a.pronoun {
			first = a
			break
		}
	}
	// a country adjective can own the object: "electricity to the
	// autonomous Azerbaijani republic"
	for _, a := range st.modifiers {
		if a.start >= from && a.start < end && (first == nil || a.start < first.start) {
			return a
		}
	}
	return first
}
