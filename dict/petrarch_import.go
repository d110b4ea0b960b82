package dict

import (
	_ "embed"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/dict/petrarch"
)

//go:embed petrarch_import.txt
var petrarchConventions string

// conventions are the word lists of petrarch_import.txt.
type conventions struct {
	lower       map[string]bool
	lowerPrefix []string
	nonState    map[string]bool
}

func loadConventions() (*conventions, error) {
	c := &conventions{lower: map[string]bool{}, nonState: map[string]bool{}}
	for n, line := range strings.Split(petrarchConventions, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		key, vals, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, fmt.Errorf("petrarch_import.txt:%d: want KEY<TAB>values", n+1)
		}
		for _, v := range strings.Fields(vals) {
			switch key {
			case "lower":
				c.lower[v] = true
			case "lowerprefix":
				c.lowerPrefix = append(c.lowerPrefix, v)
			case "nonstate":
				c.nonState[v] = true
			default:
				return nil, fmt.Errorf("petrarch_import.txt:%d: unknown key %q", n+1, key)
			}
		}
	}
	return c, nil
}

// importer converts one set of PETRARCH dictionaries into a layer.
type importer struct {
	b     *Builder
	label string
	conv  *conventions
	warn  ErrorList
}

// AddPetrarch adds PETRARCH/TABARI dictionaries (as package petrarch reads
// them) as one layer, and returns what could not be converted as
// warnings; the rest is added. label names the layer in origins (the
// directory the files came from; "" keeps the files' own names).
//
//   - Actors: the root phrase and its synonyms become one entry. Codes
//     without a date restriction give an Org entry with that code, or a
//     Country for a bare three-letter country code; several codes
//     ("[ELR/GAL]") give one entry each. Date-restricted codes make the
//     actor a Person whose code depends on the day, following PETRARCH2
//     (the last code in file order that holds that day, an undated one
//     always holding), with dyad's country+ELI outside every period. An
//     entry written without codes takes those of the next entry that has
//     some, as PETRARCH's reader does; a null code "---" is kept (the
//     actor is known but produces no events).
//   - Agents: each phrase PETRARCH builds (plurals, substitution sets)
//     becomes an Agent entry; a "~GOV" code is kept as "GOV" (appended to
//     the actor's), a "NGO~" code as "NGO~" (put before it: see
//     CombineAgent).
//   - Verbs: each pattern of a block becomes one Pattern (POS Verb,
//     Petrarch set) anchored on the block's verbs and their given forms,
//     and each verb code (its own, else the block's; none is NullCode) a
//     pattern with only the anchor. A paired code "[C:R]" is Code C and
//     Reverse R. Pattern words are Words (a "BY/WITH" word the
//     alternatives it means), a synset the alternatives of its members
//     (with plurals, nested synsets expanded), "$ + ^ %" Source, Target,
//     Skip and Compound, "(PREP …)" and "{… HEAD}" their elements in
//     order, and "_" between two elements makes them Adjacent. A pattern
//     using an undefined synset, or two "+" or "$", is left out.
//   - Discards and issues are kept in the dictionary (Discards, Issues).
//
// A verb dictionary replaces the earlier layers' patterns, and the
// dictionary's intent table is emptied: a PETRARCH dictionary's codes come
// out as written.
//
// Transformations (PETRARCH2's "~" lines) are not converted.
func (b *Builder) AddPetrarch(d *petrarch.Dictionaries, label string) ErrorList {
	b.layer++
	conv, err := loadConventions()
	if err != nil {
		b.errs = append(b.errs, Error{File: "dict", Msg: err.Error()})
		return nil
	}
	im := &importer{b: b, label: label, conv: conv}
	if d == nil {
		return nil
	}
	// codes come from the dictionary as written: dyad's "express intent"
	// recoding (will meet → 036) is CAMEO semantics PETRARCH lacks
	clear(b.intent)
	for _, ad := range d.Actors {
		im.actors(ad)
	}
	if d.Agents != nil {
		im.agents(d.Agents)
	}
	if d.Verbs != nil {
		// a verb dictionary is a whole coding scheme (the validation set's
		// is partly WEIS): earlier layers' patterns would add codes it lacks
		b.patterns.dropBelow(b.layer)
		im.verbs(d.Verbs)
	}
	if d.Discards != nil {
		im.discards(d.Discards)
	}
	if d.Issues != nil {
		im.issues(d.Issues)
	}
	return im.warn
}

// file is the name a dictionary file goes by in origins and messages.
func (im *importer) file(name string) string {
	if im.label == "" {
		return name
	}
	return filepath.Join(im.label, filepath.Base(name))
}

func (im *importer) warnf(file string, line int, format string, args ...any) {
	im.warn = append(im.warn, Error{File: im.file(file), Line: line, Msg: fmt.Sprintf(format, args...)})
}

func (im *importer) origin(file string, line int) string {
	return fmt.Sprintf("%s:%d", im.file(file), line)
}

func (im *importer) add(file string, line int, e *Entry, phrases []string) {
	e.Origin = im.origin(file, line)
	im.b.addEntry(e, phrases, func(format string, args ...any) { im.warnf(file, line, format, args...) })
}

// ---- actors ----

// actorName writes a PETRARCH actor phrase the way news writes it, since
// dyad's matcher, unlike PETRARCH's, minds capitals: "AFGHANISTAN_" →
// "Afghanistan", "PRINCE OF DOL AMROTH" → "Prince of Dol Amroth". A name
// of one word of two or three capitals stays as written: "UN" must not
// match "un", nor "US" "us".
func (im *importer) actorName(p petrarch.Phrase) string {
	words := make([]string, 0, len(p.Words))
	for _, w := range p.Words {
		if w.Text != "" {
			words = append(words, w.Text)
		}
	}
	for i, w := range words {
		words[i] = im.nameWord(w, len(words) == 1)
	}
	return strings.Join(words, " ")
}

func (im *importer) nameWord(w string, single bool) string {
	lw := strings.ToLower(w)
	if !single && im.conv.lower[lw] {
		return lw
	}
	for _, p := range im.conv.lowerPrefix {
		if strings.HasPrefix(lw, p) && len(lw) > len(p) {
			return lw
		}
	}
	letters, upper := 0, 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	if single && letters >= 2 && letters <= 3 && upper == letters {
		return w
	}
	r, n := utf8.DecodeRuneInString(w)
	if !unicode.IsLetter(r) {
		return lw
	}
	return string(unicode.ToUpper(r)) + strings.ToLower(w[n:])
}

// actors converts one actor file. PETRARCH's reader gives an entry
// written without codes the codes of the next entry that has some
// ("U.N._" before "UN_SECRETARY_GENERAL … [IGOUNO]").
func (im *importer) actors(ad *petrarch.ActorDict) {
	codes := make([][]*petrarch.ActorCode, len(ad.Actors))
	var pending []int
	for i, a := range ad.Actors {
		if len(a.Codes) == 0 {
			pending = append(pending, i)
			continue
		}
		codes[i] = a.Codes
		for _, j := range pending {
			codes[j] = a.Codes
		}
		pending = pending[:0]
	}
	for _, j := range pending {
		im.warnf(ad.Name, ad.Actors[j].Line, "actor %q has no code and no coded entry follows it: coded null", ad.Actors[j].Root)
	}
	for i, a := range ad.Actors {
		im.actor(ad.Name, a, codes[i])
	}
}

func (im *importer) actor(file string, a *petrarch.Actor, codes []*petrarch.ActorCode) {
	var phrases []string
	for _, p := range a.Phrases() {
		if s := im.actorName(p); s != "" {
			phrases = append(phrases, s)
		}
	}
	if len(phrases) == 0 {
		return
	}
	name := phrases[0]
	if len(codes) == 0 {
		im.add(file, a.Line, &Entry{Kind: Org, Name: name, Code: NullCode}, phrases)
		return
	}
	segs := codeSegments(codes)
	if len(segs) == 1 && segs[0].from.IsZero() && segs[0].until.IsZero() {
		for _, code := range segs[0].codes {
			kind := Org
			if im.isCountry(code) {
				kind = Country
			}
			im.add(file, a.Line, &Entry{Kind: kind, Name: name, Code: code}, phrases)
		}
		return
	}
	e := &Entry{Kind: Person, Name: name, Code: NullCode}
	country := ""
	for i, s := range segs {
		if len(s.codes) > 1 {
			im.warnf(file, a.Line, "actor %q: dated code %s: only the first code (%s) is used", a.Root, strings.Join(s.codes, "/"), s.codes[0])
		}
		code := s.codes[0]
		e.Roles = append(e.Roles, Role{Code: code, From: s.from, Until: s.until})
		c := im.countryOf(code)
		switch {
		case i == 0:
			country = c
		case c != country:
			country = ""
		}
	}
	// outside its periods a person is coded country+ELI (dyad's
	// convention); with no common country, null
	if country != "" {
		e.Country = country
		e.Code = ""
	}
	im.add(file, a.Line, e, phrases)
}

// isCountry reports whether an undated actor code is a bare country.
func (im *importer) isCountry(code string) bool {
	if len(code) != 3 || code == NullCode || im.conv.nonState[strings.ToUpper(code)] {
		return false
	}
	for _, r := range code {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// countryOf returns the country part of a person's code, "" for
// non-state codes.
func (im *importer) countryOf(code string) string {
	if len(code) < 3 {
		return ""
	}
	if c := code[:3]; im.isCountry(c) {
		return c
	}
	return ""
}

// segment is a period in which an actor has one set of codes; zero times
// are open ends.
type segment struct {
	from, until time.Time
	codes       []string
}

// codeSegments splits time at the limits of the date restrictions and
// finds the codes that hold in each piece, as PETRARCH2 does: the last
// group in file order that holds, an undated group always holding; "<D"
// holds before D, ">D" from D on, "A-B" from A to the day before B.
// Pieces where no code holds are left out; neighbours with the same
// codes are merged.
func codeSegments(groups []*petrarch.ActorCode) []segment {
	var bounds []time.Time
	for _, g := range groups {
		switch g.When {
		case petrarch.Before:
			bounds = append(bounds, g.To.Time())
		case petrarch.After:
			bounds = append(bounds, g.From.Time())
		case petrarch.Between:
			bounds = append(bounds, g.From.Time(), g.To.Time())
		}
	}
	sort.Slice(bounds, func(i, j int) bool { return bounds[i].Before(bounds[j]) })
	uniq := bounds[:0]
	for _, t := range bounds {
		if len(uniq) == 0 || !t.Equal(uniq[len(uniq)-1]) {
			uniq = append(uniq, t)
		}
	}
	bounds = uniq
	holding := func(d time.Time) []string {
		var out []string
		for _, g := range groups {
			ok := false
			switch g.When {
			case petrarch.Always:
				ok = true
			case petrarch.Before:
				ok = d.Before(g.To.Time())
			case petrarch.After:
				ok = !d.Before(g.From.Time())
			case petrarch.Between:
				ok = !d.Before(g.From.Time()) && d.Before(g.To.Time())
			}
			if ok {
				out = g.Codes
			}
		}
		return out
	}
	var segs []segment
	push := func(from, until time.Time, codes []string) {
		if len(codes) == 0 {
			return
		}
		if n := len(segs); n > 0 && segs[n-1].until.Equal(from) && !from.IsZero() && equalWords(segs[n-1].codes, codes) {
			segs[n-1].until = until
			return
		}
		segs = append(segs, segment{from: from, until: until, codes: codes})
	}
	if len(bounds) == 0 {
		push(time.Time{}, time.Time{}, holding(time.Time{}))
		return segs
	}
	push(time.Time{}, bounds[0], holding(bounds[0].AddDate(0, 0, -1)))
	for i, t := range bounds {
		until := time.Time{}
		if i+1 < len(bounds) {
			until = bounds[i+1]
		}
		push(t, until, holding(t))
	}
	return segs
}

// ---- agents ----

func (im *importer) agents(ag *petrarch.AgentDict) {
	for _, a := range ag.Agents {
		forms, err := ag.Forms(a)
		if err != nil {
			im.warnf(ag.Name, a.Line, "agent %q: %v", a.Phrase, err)
			continue
		}
		var phrases []string
		for _, f := range forms {
			if s := strings.ToLower(strings.Join(f.Texts(), " ")); s != "" {
				phrases = append(phrases, s)
			}
		}
		if len(phrases) == 0 {
			continue
		}
		code := a.Code.Code
		if a.Code.Prefix {
			code += "~"
		}
		im.add(ag.Name, a.Line, &Entry{Kind: Agent, Name: phrases[0], Code: code}, phrases)
	}
}

// CombineAgent returns the code of an actor with an agent: a suffix role
// is appended ("USA" + "GOV" = "USAGOV") unless the actor's code already
// holds it, as PETRARCH2 does; a prefix code written "NGO~" goes before
// the actor's ("NGO~" + "USA" = "NGOUSA").
func CombineAgent(actor, agent string) string {
	if p, ok := strings.CutSuffix(agent, "~"); ok {
		if strings.HasPrefix(actor, p) {
			return actor
		}
		return p + actor
	}
	agent = strings.TrimPrefix(agent, "~")
	if agent == "" || strings.Contains(actor, agent) {
		return actor
	}
	return actor + agent
}

// SameKind returns the entries of the match that share the best entry's
// kind, in load order: several for a PETRARCH actor written with several
// codes ("THE_SHIRE [FRO/BIL/SAM]"), for each of which PETRARCH codes an
// event.
func (m Match) SameKind() []*Entry {
	best := m.Best()
	if best == nil {
		return nil
	}
	var out []*Entry
	for _, e := range m.Entries {
		if e.Kind == best.Kind {
			out = append(out, e)
		}
	}
	return out
}

// ---- discards and issues ----

func (im *importer) discards(dd *petrarch.DiscardDict) {
	for _, x := range dd.Discards {
		words := make([]string, 0, len(x.Phrase.Words))
		for _, w := range x.Phrase.Words {
			words = append(words, Norm(w.Text))
		}
		if len(words) == 0 {
			continue
		}
		last := x.Phrase.Words[len(x.Phrase.Words)-1]
		text := x.Phrase.String()
		if x.Story {
			text = "+" + text
		}
		im.b.patterns.discards = append(im.b.patterns.discards, Discard{
			Words: words, Exact: last.Sep == petrarch.SepUnderscore, Story: x.Story,
			Text: text, Origin: im.origin(dd.Name, x.Line),
		})
	}
}

func (im *importer) issues(id *petrarch.IssueDict) {
	add := func(x *petrarch.Issue, cat string) {
		im.b.patterns.issues = append(im.b.patterns.issues, Issue{
			Code: x.Code, Category: cat, Text: x.Phrase(), Forms: x.Forms(),
			Exclude: x.Exclude, Origin: im.origin(id.Name, x.Line),
		})
	}
	for _, x := range id.Issues {
		add(x, "")
	}
	for _, c := range id.Categories {
		for _, x := range c.Issues {
			add(x, c.Attr("CATEGORY"))
		}
	}
}
