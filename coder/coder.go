// Package coder turns analysed articles into event records: it finds the
// actors of each sentence in the dictionary (people with their office on
// the article's date, organisations, countries with role nouns), resolves
// pronouns through the text layer's coreference links, matches the
// dictionary's event patterns around verbs and nouns, and fills each event
// with its CAMEO/PLOVER codes, modality, date, place and the byte spans of
// the words it came from.
package coder

import (
	"sort"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/dict"
	"github.com/dyad-events/dyad/text/coref"
)

// DateFinder finds the time expressions of a sentence's text, resolved
// against ref with the given tense (future for intended events). Package
// timex provides it; the coder takes it as a function to stay testable.
type DateFinder func(text string, ref time.Time, future bool) []dyad.Timex

// Coder codes documents. It is safe for concurrent use.
type Coder struct {
	dict   *dict.Dictionary
	tables *cameo.Tables
	dates  DateFinder
	lemma  func(word, tag string) string
	places Places // nil: places from the dictionary only, no coordinates
}

// New returns a coder using the dictionary, the CAMEO tables, a date
// finder and a lemmatizer (nil: only the tokens' own lemmas are used).
// WithPlaces gives it a gazetteer to locate events with.
func New(d *dict.Dictionary, t *cameo.Tables, dates DateFinder, lemma func(word, tag string) string, opts ...Option) *Coder {
	o := buildOptions(opts)
	return &Coder{dict: d, tables: t, dates: dates, lemma: lemma, places: o.places}
}

// patternsFor returns the patterns anchored on token t. A verb the tagger
// read as a base form ("and spoke/VB") is also tried as a past form, since
// tagging errors should not hide an event.
func (c *Coder) patternsFor(t dyad.Token) (string, []*dict.Pattern) {
	l := lemmaOf(t)
	ps := c.dict.Patterns.ForLemma(l)
	if len(ps) == 0 {
		// PETRARCH lists inflected forms ("CALLED", "BEGAN") as verbs
		if f := strings.ToLower(t.Text); f != l {
			if ps = c.dict.Patterns.ForLemma(f); len(ps) > 0 {
				return f, ps
			}
		}
	}
	if len(ps) == 0 && c.lemma != nil && isVerb(t) {
		for _, tag := range []string{"VBD", "VBN"} {
			if l2 := c.lemma(t.Text, tag); l2 != l {
				if ps = c.dict.Patterns.ForLemma(l2); len(ps) > 0 {
					return l2, ps
				}
			}
		}
	}
	return l, ps
}

// Code returns the events of an analysed document, in sentence order.
func (c *Coder) Code(doc *dyad.Document) []dyad.Event {
	events, _ := c.code(doc, false)
	return events
}

// sentenceState is the coder's view of one sentence.
type sentenceState struct {
	s      *dyad.Sentence
	pw     dict.Words // lemmas and lower-case forms, as patterns match them
	words  []string
	found  []dict.Match // the dictionary's phrases in the sentence
	actors []*actor
	// modifiers are country adjectives inside noun phrases ("an
	// Australian ultimatum"): owners of an object, not actors
	modifiers []*actor
	inQuote   []bool // per token
}

func (c *Coder) code(doc *dyad.Document, trace bool) ([]dyad.Event, []SentenceTrace) {
	a := doc.Article
	date := a.ReferenceDate()
	states := make([]*sentenceState, len(doc.Sentences))
	for i := range doc.Sentences {
		s := &doc.Sentences[i]
		st := &sentenceState{s: s, words: make([]string, len(s.Tokens)), inQuote: make([]bool, len(s.Tokens))}
		for k, t := range s.Tokens {
			// a hashtag names what it tags: "#US", "#Russia"
			st.words[k] = strings.TrimPrefix(t.Text, "#")
			for _, q := range doc.Quotes {
				if q.Start <= t.Start && t.End <= q.End {
					st.inQuote[k] = true
					break
				}
			}
		}
		st.pw = dict.Words{Lemmas: make([]string, len(s.Tokens)), Forms: make([]string, len(s.Tokens))}
		for k, t := range s.Tokens {
			st.pw.Lemmas[k], st.pw.Forms[k] = lemmaOf(t), strings.ToLower(t.Text)
		}
		st.found = c.dict.Find(st.words)
		st.actors = c.findActors(s, st.found, st.words, date)
		states[i] = st
	}
	c.fillAgentCountries(states)
	for _, st := range states {
		st.appositiveNames()
	}
	c.resolvePronouns(doc, states)
	c.resolveNames(doc, states)
	for _, st := range states {
		st.modifiers = c.findModifiers(st)
	}
	var events []dyad.Event
	var traces []SentenceTrace
	for _, st := range states {
		var tr *SentenceTrace
		if trace {
			traces = append(traces, SentenceTrace{Index: st.s.Index, Text: st.s.Text})
			tr = &traces[len(traces)-1]
			for _, ac := range st.actors {
				tr.Actors = append(tr.Actors, c.actorTrace(st, ac))
			}
		}
		evs := c.sentenceEvents(doc, st, tr)
		if tr != nil {
			tr.Events = evs
		}
		events = append(events, evs...)
	}
	return events, traces
}

// fillAgentCountries gives role nouns without a country ("the embassy",
// "protesters") one from the article: news names an actor once in full,
// then shortens it. The candidates, in order: the last actor whose words
// contain the same noun ("US Embassy" for "the embassy"), the last actor
// with the same role, the country the article mentions most.
func (c *Coder) fillAgentCountries(states []*sentenceState) {
	counts := map[string]int{}
	for _, st := range states {
		for _, a := range st.actors {
			if a.code != "" && len(a.code) >= 3 && !strings.HasPrefix(a.code, "IGO") && !strings.HasPrefix(a.code, "NGO") && !strings.HasPrefix(a.code, "IMG") {
				counts[a.code[:3]]++
			}
		}
	}
	dominant, best := "", 0
	for k, n := range counts {
		if n > best || n == best && k < dominant {
			dominant, best = k, n
		}
	}
	type seen struct{ text, code, country string }
	var history []seen
	lastRole := map[string]string{}
	for _, st := range states {
		kept := st.actors[:0]
		for _, a := range st.actors {
			text := strings.ToLower(st.text(a))
			if a.code == "" && a.kind == dict.Agent {
				head := strings.ToLower(st.s.Tokens[a.end-1].Text)
				for i := len(history) - 1; i >= 0; i-- {
					if h := history[i]; strings.Contains(h.text, head) && h.text != text {
						a.code, a.country = h.code, h.country
						break
					}
				}
				if a.code == "" {
					country := lastRole[a.agent]
					if country == "" && stateRoles[a.agent] {
						// "the government", "police": the state the story is about;
						// not for "people" or "the airline", who could be anyone's
						country = dominant
					}
					if country == "" {
						continue // an actor without a country cannot be coded
					}
					a.country, a.code = country, country+a.agent
				}
			} else if a.agent != "" && a.country != "" && len(a.code) > 3 {
				lastRole[a.agent] = a.country
			}
			history = append(history, seen{text, a.code, a.country})
			kept = append(kept, a)
		}
		st.actors = kept
	}
}

// appositiveNames turns a name the dictionary does not know into an actor
// when an apposition says who it is: "Sharif Hotak, of the Maidan Wardak
// provincial council," or "Bruno Parrilla, the foreign affairs minister of
// Cuba," take the code of the actor in the apposition. Later mentions of
// the name reach it through coreference.
func (st *sentenceState) appositiveNames() {
	toks := st.s.Tokens
	var added []*actor
	for i := 0; i < len(toks); i++ {
		if toks[i].Tag != "NNP" || !isCapitalised(toks[i].Text) || st.covered(i) {
			continue
		}
		j := i
		for j < len(toks) && toks[j].Tag == "NNP" && isCapitalised(toks[j].Text) && !st.covered(j) {
			j++
		}
		if j-i < 2 || j+2 >= len(toks) || toks[j].Text != "," {
			i = j
			continue
		}
		w := strings.ToLower(toks[j+1].Text)
		if w != "the" && w != "of" && w != "a" && toks[j+1].Tag != "JJ" {
			i = j
			continue
		}
		for _, a := range st.actors {
			if a.start > j && a.start <= j+7 && !a.place && !a.pronoun && a.code != "" {
				closed := true
				for k := j + 1; k < a.start; k++ {
					if toks[k].Text == "," || isVerb(toks[k]) {
						closed = false
					}
				}
				if closed {
					added = append(added, &actor{start: i, end: j, code: a.code, name: st.text(&actor{start: i, end: j}),
						kind: dict.Person, agent: a.agent, country: a.country, entries: []string{"apposition: " + st.text(a)}})
				}
				break
			}
		}
		i = j
	}
	if len(added) > 0 {
		st.actors = append(st.actors, added...)
		sort.SliceStable(st.actors, func(i, j int) bool { return st.actors[i].start < st.actors[j].start })
	}
}

func (st *sentenceState) covered(k int) bool {
	for _, a := range st.actors {
		if a.start <= k && k < a.end {
			return true
		}
	}
	return false
}

// stateRoles are the roles an unqualified noun of which ("the police")
// belongs to the country the article is about.
var stateRoles = map[string]bool{"GOV": true, "MIL": true, "COP": true, "JUD": true, "LEG": true, "OPP": true,
	"REB": true, "INS": true, "SPY": true, "PTY": true}

// text returns the words of actor a.
func (st *sentenceState) text(a *actor) string {
	toks := st.s.Tokens
	return st.s.Text[toks[a.start].Start-st.s.Start : toks[a.end-1].End-st.s.Start]
}

// resolvePronouns adds an actor for each pronoun that stands for one:
// through the text layer's coreference links when it made them, else the
// most recent compatible actor (the quote's speaker for "I" and "we").
func (c *Coder) resolvePronouns(doc *dyad.Document, states []*sentenceState) {
	mentionAt := map[[2]int]int{}
	for i, m := range doc.Mentions {
		mentionAt[[2]int{m.Sentence, m.Start}] = i
	}
	var history []*actor // resolved actors in text order
	for si, st := range states {
		var added []*actor
		next := 0
		for k, t := range st.s.Tokens {
			for next < len(st.actors) && st.actors[next].start <= k {
				if !st.actors[next].place {
					history = append(history, st.actors[next])
				}
				next++
			}
			if t.Tag != "PRP" && t.Tag != "PRP$" {
				continue
			}
			p, ok := pronouns[strings.ToLower(t.Text)]
			if !ok {
				continue
			}
			var ante *actor
			if mi, ok := mentionAt[[2]int{si, k}]; ok {
				ante = c.mentionActor(doc, states, mi)
			}
			if ante == nil && p.first && st.inQuote[k] {
				ante = c.speakerActor(doc, states, t.Start)
			}
			if ante == nil && !p.first {
				ante = lastCompatible(history, p.gender, p.plural, strings.ToLower(t.Text))
			}
			if ante == nil {
				continue
			}
			pa := *ante
			pa.start, pa.end, pa.pronoun, pa.via = k, k+1, true, ante.label()
			added = append(added, &pa)
			history = append(history, &pa)
		}
		if len(added) > 0 {
			st.actors = append(st.actors, added...)
			sort.SliceStable(st.actors, func(i, j int) bool { return st.actors[i].start < st.actors[j].start })
		}
	}
}

// resolveNames gives a name the dictionary does not know the actor of the
// earlier mention it repeats ("Hotak" after "Sharif Hotak, of the provincial
// council"), through the text layer's coreference links.
func (c *Coder) resolveNames(doc *dyad.Document, states []*sentenceState) {
	for mi, m := range doc.Mentions {
		if m.Kind != dyad.NameMention || m.Antecedent < 0 || m.Antecedent == mi || m.Sentence < 0 || m.Sentence >= len(states) {
			continue
		}
		st := states[m.Sentence]
		if m.Start < 0 || m.End > len(st.s.Tokens) || m.Start >= m.End || st.covered(m.Start) {
			continue
		}
		ante := c.mentionActor(doc, states, m.Antecedent)
		if ante == nil {
			continue
		}
		a := *ante
		a.start, a.end, a.pronoun, a.via = m.Start, m.End, true, ante.name
		st.actors = append(st.actors, &a)
		sort.SliceStable(st.actors, func(i, j int) bool { return st.actors[i].start < st.actors[j].start })
	}
}

// label is the name a pronoun standing for a shows as its antecedent.
func (a *actor) label() string {
	if a.via != "" {
		return a.via
	}
	return a.name
}

// mentionActor returns the actor of the name or nominal that mention mi
// refers to, following the text layer's coreference chain.
func (c *Coder) mentionActor(doc *dyad.Document, states []*sentenceState, mi int) *actor {
	r := coref.Referent(doc, mi)
	if r < 0 {
		return nil
	}
	m := doc.Mentions[r]
	if m.Sentence < 0 || m.Sentence >= len(states) {
		return nil
	}
	for _, a := range states[m.Sentence].actors {
		if !a.pronoun && a.start < m.End && m.Start < a.end {
			return a
		}
	}
	return nil
}

// speakerActor returns the actor of the speaker of the quote around byte
// offset off.
func (c *Coder) speakerActor(doc *dyad.Document, states []*sentenceState, off int) *actor {
	for _, q := range doc.Quotes {
		if q.Start <= off && off < q.End && q.Speaker >= 0 {
			return c.mentionActor(doc, states, q.Speaker)
		}
	}
	return nil
}

func lastCompatible(history []*actor, gender string, plural bool, word string) *actor {
	for i := len(history) - 1; i >= 0 && i >= len(history)-12; i-- {
		a := history[i]
		if a.pronoun && a.via == "" {
			continue
		}
		switch {
		case word == "it" || word == "its":
			if a.kind == dict.Country || a.kind == dict.Org || a.kind == dict.Capital {
				return a
			}
		case plural:
			if a.plural || a.kind == dict.Org || a.kind == dict.Country && word == "they" {
				return a
			}
		default: // he, she
			if a.kind == dict.Person && (a.gender == "" || a.gender == gender) || a.kind == dict.Agent && !a.plural && a.agent == "GOV" {
				return a
			}
		}
	}
	return nil
}

// record fills the code-table fields of an event.
func (c *Coder) record(e *dyad.Event) {
	e.Root = cameo.Root(e.CAMEO)
	e.Quad = cameo.Quad(e.CAMEO)
	if info, ok := c.tables.Lookup(e.CAMEO); ok {
		e.Goldstein, e.PLOVER, e.PLOVERMode = info.Goldstein, info.PLOVER, info.PLOVERMode
	}
}
