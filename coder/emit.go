package coder

import (
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/dict"
)

// sentenceEvents codes one sentence: verbs first, then nouns, so that a
// noun restating the object of an event verb ("discuss with Zelensky his
// talk with Putin") does not become a second event.
func (c *Coder) sentenceEvents(doc *dyad.Document, st *sentenceState, tr *SentenceTrace) []dyad.Event {
	toks := st.s.Tokens
	var out []dyad.Event
	var regions [][2]int
	var deferred []*match
	var coded []int // anchors of the matches that produced events
	var codedRegions [][2]int
	seen := map[string]bool{}
	add := func(m *match) bool {
		evs := c.emit(doc, st, m)
		for _, e := range evs {
			key := e.Source.Code + "|" + targetCode(e) + "|" + e.Root
			rkey := targetCode(e) + "|" + e.Source.Code + "|" + e.Root
			if seen[key] || m.pattern.Symmetric && seen[rkey] {
				continue // the same event said twice in one sentence
			}
			seen[key] = true
			out = append(out, e)
		}
		return len(evs) > 0
	}
	for pass := 0; pass < 2; pass++ {
		for k, t := range toks {
			if isVerb(t) != (pass == 0) || st.insideActor(k) {
				continue
			}
			lemma, pats := c.patternsFor(t)
			if len(pats) == 0 {
				continue
			}
			if pass == 1 && inRegions(regions, k) {
				if tr != nil {
					tr.Anchors = append(tr.Anchors, AnchorTrace{Token: t.Text, Lemma: lemma, Why: "noun inside the object of an event already coded"})
				}
				continue
			}
			var m *match
			var tried []PatternTrace
			for _, p := range pats {
				var why string
				m, why = c.matchPattern(st, p, k)
				if tr != nil {
					tried = append(tried, PatternTrace{Pattern: p.Code + " " + p.Text, Origin: p.Origin, Matched: m != nil, Why: why})
				}
				if m != nil {
					break
				}
			}
			if tr != nil {
				tr.Anchors = append(tr.Anchors, AnchorTrace{Token: t.Text, Lemma: lemma, Patterns: tried})
			}
			if m == nil {
				continue
			}
			if m.pattern.IsNull() {
				continue // a null-coded pattern says this use of the word is no event
			}
			if !m.noun {
				regions = append(regions, [2]int{k, st.clauseEnd(k)})
			}
			if m.pattern.Fallback {
				deferred = append(deferred, m)
				continue
			}
			if add(m) {
				coded = append(coded, k)
				if !m.noun {
					codedRegions = append(codedRegions, regions[len(regions)-1])
				}
			}
		}
	}
	// an announcing verb ("agreed to", "threatened to") codes an event
	// only when the act it announces was not coded itself, nor is it the
	// content of a coded event ("demanded that X must agree to")
next:
	for _, m := range deferred {
		if inRegions(codedRegions, m.anchor) {
			continue
		}
		end := st.clauseEnd(m.anchor)
		for _, k := range coded {
			if m.anchor < k && k < end {
				continue next
			}
		}
		add(m)
	}
	return out
}

func targetCode(e dyad.Event) string {
	if e.Target == nil {
		return ""
	}
	return e.Target.Code
}

func inRegions(rs [][2]int, k int) bool {
	for _, r := range rs {
		if r[0] < k && k < r[1] {
			return true
		}
	}
	return false
}

// emit turns a match into events: one per distinct source/target pair,
// with modality, code, date, place, evidence and confidence.
func (c *Coder) emit(doc *dyad.Document, st *sentenceState, m *match) []dyad.Event {
	mod, intent := st.modality(m)
	if st.refused(m) {
		return nil // the refusal codes it
	}
	code := m.pattern.Code
	threat := (intent || mod == dyad.Realized) && st.threatened(m)
	if (intent || threat) && len(code) >= 2 && code[:2] != "03" && code[:2] != "13" {
		if ic, ok := c.dict.Intent[code[:2]]; ok && (!threat || ic[:2] == "13") {
			code = ic
		} else if threat {
			code = "130" // "will withdraw … unless": a threat whatever the act
		}
	}
	if strings.HasPrefix(code, "10") && st.protestPurpose(m) {
		code = "140" // "staged a hunger strike to demand …": the protest is the act
	}
	pairs := pairsOf(m)
	// a paired code "[C:R]" adds the event from the target back to the
	// source; "[:R]" (code ---) has only that one
	var reverse [][2]*actor
	if r := m.pattern.Reverse; r != "" && r != dict.NullCode {
		for _, p := range pairs {
			if p[1] != nil {
				reverse = append(reverse, [2]*actor{p[1], p[0]})
			}
		}
	}
	if code == dict.NullCode {
		pairs = nil
	}
	if len(pairs) == 0 {
		return nil
	}
	toks := st.s.Tokens
	s := st.s
	ev := dyad.Evidence{Span: dyad.Span{Start: toks[m.evStart].Start, End: toks[m.evEnd-1].End}}
	ev.Text = doc.Article.Text(ev.Span)
	date := c.eventDate(doc, st, m, mod, intent)
	loc := c.location(doc, st, m)
	var out []dyad.Event
	codes := make([]string, 0, len(pairs)+len(reverse))
	for range pairs {
		codes = append(codes, code)
	}
	for range reverse {
		codes = append(codes, m.pattern.Reverse)
	}
	for i, p := range append(pairs, reverse...) {
		code := codes[i]
		e := dyad.Event{
			Article:  doc.Article.ID,
			Sentence: dyad.SentenceRef{Index: s.Index, Span: s.Span, Text: s.Text},
			Source:   c.eventActor(doc, st, p[0]),
			CAMEO:    code,
			Modality: mod,
			Date:     date,
			Location: loc,
			Evidence: ev,
			Pattern:  m.pattern.Code + " " + m.pattern.Text + " (" + m.pattern.Origin + ")",
		}
		if p[1] != nil {
			e.Target = c.eventActor(doc, st, p[1])
		}
		e.Confidence = confidence(m, p)
		c.record(&e)
		out = append(out, e)
	}
	return out
}

// pairsOf lists the distinct (source, target) pairs of a match. Of several
// coordinated actors of one country only the first is kept ("Putin and
// Russia"): the gold convention counts the second as optional.
func pairsOf(m *match) [][2]*actor {
	sources, targets := dedupeCountry(m.sources), dedupeCountry(m.targets)
	var out [][2]*actor
	if len(targets) == 0 {
		if m.pattern.Symmetric && len(sources) > 1 {
			for _, t := range sources[1:] {
				if t.code != sources[0].code {
					out = append(out, [2]*actor{sources[0], t})
				}
			}
			return out
		}
		if m.pattern.NoTarget || m.pattern.OptTarget {
			for _, s := range sources {
				out = append(out, [2]*actor{s, nil})
			}
		}
		return out
	}
	for _, s := range sources {
		for _, t := range targets {
			if s == t || s.pronoun && t.pronoun && s.code == t.code {
				continue
			}
			if s.code == t.code && s.name == t.name {
				continue // one actor acting on itself: a coding artefact
			}
			out = append(out, [2]*actor{s, t})
		}
	}
	return out
}

func dedupeCountry(as []*actor) []*actor {
	var out []*actor
	seen := map[string]bool{}
	for _, a := range as {
		if a.code == "" {
			continue
		}
		k := a.code
		if len(k) >= 3 {
			k = k[:3]
		}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, a)
	}
	return out
}

func (c *Coder) eventActor(doc *dyad.Document, st *sentenceState, a *actor) *dyad.EventActor {
	toks := st.s.Tokens
	sp := dyad.Span{Start: toks[a.start].Start, End: toks[a.end-1].End}
	ea := &dyad.EventActor{Text: doc.Article.Text(sp), Code: a.code, Span: &sp}
	if a.kind == dict.Person {
		ea.Name, ea.Role = a.name, a.role
	}
	if a.pronoun {
		ea.Via = a.via
		if ea.Name == "" {
			ea.Name = a.via
		}
	}
	return ea
}

func confidence(m *match, p [2]*actor) float64 {
	c := 0.9
	if m.noun {
		c -= 0.1
	}
	if !m.pattern.HasTarget() {
		c -= 0.1
	}
	for _, a := range p {
		if a == nil {
			continue
		}
		if a.pronoun {
			c -= 0.15
		}
		if a.kind == dict.Agent {
			c -= 0.1
		}
	}
	if m.passive {
		c -= 0.05
	}
	return float64(int(c*100+0.5)) / 100
}

// modality reads the words around the anchor: negation, intention,
// condition and hedging.
func (st *sentenceState) modality(m *match) (dyad.Modality, bool) {
	toks := st.s.Tokens
	var neg, intent, hypo, reported bool
	from := m.anchor - 8
	if from < 0 {
		from = 0
	}
	for _, a := range m.sources {
		if a.end <= m.anchor && a.end > from {
			from = a.end
		}
	}
	// stop at a clause opening between the source and the anchor
	for i := m.anchor - 1; i >= from; i-- {
		if t := toks[i].Text; t == ";" || t == ":" || t == "“" || t == "\"" {
			from = i + 1
			break
		}
	}
	words := make([]string, 0, 12)
	for i := from; i < m.anchor; i++ {
		words = append(words, strings.ToLower(toks[i].Text))
	}
	joined := " " + strings.Join(words, " ") + " "
	for _, w := range words {
		switch w {
		case "not", "n't", "never", "no":
			neg = true
		case "will", "'ll", "shall", "wo":
			intent = true
		case "would":
			// "said they would meet": the future of reported speech
			if st.reportedFuture(m.anchor) {
				intent = true
			} else {
				hypo = true
			}
		case "could", "might", "may", "if", "should":
			hypo = true
		case "reportedly", "allegedly", "purportedly", "supposedly":
			reported = true
		}
	}
	for _, p := range intentCues {
		if strings.Contains(joined, p) {
			intent = true
		}
	}
	for _, p := range negCues {
		if strings.Contains(joined, p) {
			neg = true
		}
	}
	for _, p := range reportCues {
		if strings.Contains(joined, p) {
			reported = true
		}
	}
	// "ahead of X meeting", "without an agreement": cues before a noun anchor
	if m.noun || toks[m.anchor].Tag == "VBG" {
		for i := m.anchor - 1; i >= 0 && i >= m.anchor-10; i-- {
			w := strings.ToLower(toks[i].Text)
			if w == "," || w == ";" {
				break
			}
			if w == "ahead" && i+1 < len(toks) && strings.ToLower(toks[i+1].Text) == "of" {
				intent = true
			}
			if w == "without" && m.anchor-i <= 3 {
				neg = true
			}
		}
	}
	switch {
	case reported:
		return dyad.Reported, intent
	case neg:
		return dyad.Negated, false
	case hypo:
		return dyad.Hypothetical, false
	case intent:
		return dyad.Intended, true
	}
	return dyad.Realized, false
}

// protestPurpose reports whether the anchor of m states what a protest
// earlier in the sentence is for ("blocked roads demanding", "began a
// hunger strike to demand").
func (st *sentenceState) protestPurpose(m *match) bool {
	toks := st.s.Tokens
	k := m.anchor
	if !(k > 0 && toks[k-1].Tag == "TO" || toks[k].Tag == "VBG") {
		return false
	}
	for i := k - 1; i >= 0 && k-i <= 12; i-- {
		if protestWords[lemmaOf(toks[i])] {
			return true
		}
	}
	return false
}

var protestWords = map[string]bool{"strike": true, "demonstration": true, "demonstrate": true, "protest": true,
	"rally": true, "march": true, "riot": true, "sit-in": true, "blockade": true, "block": true, "boycott": true}

// reportedFuture reports whether a "would" before the anchor at k is the
// future of reported speech ("said on Wednesday they would meet"): a verb
// of saying before it and no condition ("if") in between.
func (st *sentenceState) reportedFuture(k int) bool {
	toks := st.s.Tokens
	for i := k - 1; i >= 0 && k-i <= 15; i-- {
		w := strings.ToLower(toks[i].Text)
		if w == "if" || w == "unless" || w == ";" {
			return false
		}
		if isVerb(toks[i]) && reportVerbs[lemmaOf(toks[i])] {
			return true
		}
	}
	return false
}

// refused reports whether the act of m is what its subject refused to do.
func (st *sentenceState) refused(m *match) bool {
	toks := st.s.Tokens
	var words []string
	for i := m.anchor - 1; i >= 0 && i >= m.anchor-4; i-- {
		words = append([]string{strings.ToLower(toks[i].Text)}, words...)
	}
	joined := " " + strings.Join(words, " ") + " "
	for _, c := range refusalCues {
		if strings.HasSuffix(joined, c) {
			return true
		}
	}
	return false
}

// threatened reports whether the act of m is threatened rather than
// announced: "threatened to cut off", or made conditional with "unless".
func (st *sentenceState) threatened(m *match) bool {
	toks := st.s.Tokens
	for i := m.anchor - 1; i >= 0 && i >= m.anchor-4; i-- {
		if toks[i].Tag == "TO" && i > 0 && lemmaOf(toks[i-1]) == "threaten" {
			return true
		}
	}
	for i := m.anchorTo; i < len(toks); i++ {
		switch strings.ToLower(toks[i].Text) {
		case "unless":
			return true
		case ";", ":", "“", "\"":
			return false
		}
	}
	return false
}

var (
	intentCues = []string{" plan to ", " plans to ", " planned to ", " planning to ", " plans for ", " intend to ", " intends to ",
		" intended to ", " going to ", " is to ", " are to ", " was to ", " were to ", " expected to ", " scheduled to ",
		" set to ", " agreed to ", " agree to ", " agrees to ", " promised to ", " promise to ", " pledged to ", " vowed to ",
		" offered to ", " considering ", " consider ", " considers ", " prepare to ", " prepares to ", " preparing to ",
		" ready to ", " prepared to ", " willing to ", " committed to ", " wants to ", " want to ", " wanted to ", " hopes to ", " hope to ", " aims to ", " seeks to ",
		" announced plans to ", " due to ", " will be "}
	negCues = []string{" refused to ", " refuses to ", " refusing to ", " declined to ", " declines to ", " failed to ", " fails to ", " without "}
	// refusalCues make the refusal the event: "refused to lift the curfew"
	// is coded by the refuse pattern (12), not as a negated concession
	refusalCues = []string{" refused to ", " refuses to ", " refusing to ", " refuse to ", " declined to ", " declines to ", " declining to ", " decline to "}
	reportCues  = []string{" said to ", " believed to ", " reported to ", " thought to ", " rumored to ", " rumoured to ", " alleged to "}
)

// eventDate picks the time expression of the event's clause segment, or a
// sentence-level one ("On Wednesday, …"); without one a realized event
// happened on the reference date and an intended one has no date.
func (c *Coder) eventDate(doc *dyad.Document, st *sentenceState, m *match, mod dyad.Modality, intent bool) *dyad.EventDate {
	ref := doc.Article.ReferenceDate()
	if ref.IsZero() {
		return nil
	}
	future := intent || mod == dyad.Intended || mod == dyad.Hypothetical
	s := st.s
	var best *dyad.Timex
	bestScore := 1 << 30
	if c.dates != nil {
		toks := s.Tokens
		segStart, segEnd := segment(toks, m.anchor)
		for _, tx := range c.dates(s.Text, ref, future) {
			tx := tx
			tx.Start += s.Start
			tx.Span.End += s.Start
			a, b := tokenRange(toks, tx.Span)
			score := -1
			switch {
			case a >= segStart && b <= segEnd:
				score = abs(a - m.anchor) // inside the event's segment
			case sentenceLevel(toks, a, b):
				score = 1000 + abs(a-m.anchor)
			}
			if score < 0 {
				continue
			}
			if future && a < m.anchor && score < 1000 && !(toks[m.anchor].Tag == "VBG" || m.noun) {
				// "on Thursday … announced that he will meet": a date before
				// an intended verb belongs to the announcement
				continue
			}
			if score < bestScore {
				best, bestScore = &tx, score
			}
		}
	}
	if best != nil {
		return &dyad.EventDate{Start: best.Begin.Format(dyad.DateLayout), End: best.End.Format(dyad.DateLayout),
			Precision: best.Precision, Text: best.Text}
	}
	if future {
		return nil
	}
	d := ref.Format(dyad.DateLayout)
	return &dyad.EventDate{Start: d, End: d, Precision: dyad.PrecisionDay}
}

// segment returns the stretch of tokens around k up to commas and
// subordinate clauses ("… agreed after Turkey began …, on Wednesday": the
// date belongs to the subordinate clause).
func segment(toks []dyad.Token, k int) (int, int) {
	a, b := k, k
	for a > 0 && !segBreak(toks[a-1].Text) && !subordinator(toks, a-1) {
		a--
	}
	for b < len(toks) && !segBreak(toks[b].Text) && !(b > k && subordinator(toks, b)) {
		b++
	}
	return a, b
}

// subordinator reports whether token i opens a subordinate clause: a
// conjunction such as "after" followed by a subject and its verb.
func subordinator(toks []dyad.Token, i int) bool {
	switch strings.ToLower(toks[i].Text) {
	case "after", "before", "while", "when", "because", "although", "whereas", "since", "until", "as":
	default:
		return false
	}
	for j := i + 1; j < len(toks) && j <= i+5; j++ {
		if isVerb(toks[j]) {
			return j > i+1 // a subject stands between
		}
		if segBreak(toks[j].Text) {
			return false
		}
	}
	return false
}

func segBreak(s string) bool { return s == "," || s == ";" || s == ":" || s == "(" || s == ")" }

// sentenceLevel reports whether tokens [a, b) are a fronted adverbial that
// holds only the date ("On Wednesday, …").
func sentenceLevel(toks []dyad.Token, a, b int) bool {
	s, e := segment(toks, a)
	if s != 0 || e >= len(toks) || toks[e].Text != "," {
		return false
	}
	// the segment is the expression and a few function words ("Late on")
	for i := s; i < e; i++ {
		if i >= a && i < b {
			continue
		}
		switch toks[i].Tag {
		case "IN", "RB", "DT", "JJ", "NNP", "CD":
		default:
			return false
		}
	}
	return true
}

func tokenRange(toks []dyad.Token, sp dyad.Span) (int, int) {
	a, b := -1, -1
	for i, t := range toks {
		if a < 0 && t.End > sp.Start {
			a = i
		}
		if t.Start < sp.End {
			b = i + 1
		}
	}
	if a < 0 {
		a = len(toks)
	}
	if b < a {
		b = a
	}
	return a, b
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
