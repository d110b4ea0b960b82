package dict

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/dyad-events/dyad/dict/petrarch"
)

// Names of the files WritePetrarch writes.
const (
	petrarchActors   = "dyad.actors.txt"
	petrarchAgents   = "dyad.agents.txt"
	petrarchVerbs    = "dyad.verbs.txt"
	petrarchDiscards = "dyad.discards.txt"
	petrarchIssues   = "dyad.issues.txt"
)

// Petrarch converts the dictionary into PETRARCH's dictionaries, the
// reverse of AddPetrarch, for PETRARCH2 or for another tool that reads its
// formats:
//
//   - countries, adjectives, capitals and cities become actors with the
//     country's code, organisations actors with theirs;
//   - a person becomes an actor with an undated country+ELI code followed
//     by one dated code per office (PETRARCH2 takes the last code that
//     holds, so the office wins within its dates);
//   - agents are written with their phrases and no generated plural;
//   - each pattern becomes a pattern of a verb block named after its
//     anchor; alternatives become synsets (&DYAD1, …). What PETRARCH
//     cannot say is dropped with a comment: noun anchors, the sym,
//     notarget, opttarget and fallback flags;
//   - discards and issues as they are.
//
// Entries and patterns that cannot be written (a phrase holding '#' or a
// bracket, say) are left out and returned as warnings.
func (d *Dictionary) Petrarch() (*petrarch.Dictionaries, ErrorList) {
	x := &exporter{out: &petrarch.Dictionaries{}}
	x.actors(d)
	x.agents(d)
	x.verbs(d)
	x.rules(d)
	return x.out, x.warn
}

// WritePetrarch writes Petrarch's dictionaries into dir, with a
// PETR_config.ini naming them.
func (d *Dictionary) WritePetrarch(dir string) (ErrorList, error) {
	pd, warn := d.Petrarch()
	if err := WritePetrarchDir(pd, dir); err != nil {
		return warn, err
	}
	return warn, nil
}

// WritePetrarchDir writes PETRARCH dictionaries into dir (created if
// needed), each file under the base name of its Name, and the
// configuration (pd.Config, else one naming the files written).
func WritePetrarchDir(pd *petrarch.Dictionaries, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("write dictionaries: %w", err)
	}
	write := func(name string, fn func(io.Writer) error) error {
		path := filepath.Join(dir, filepath.Base(name))
		f, err := os.Create(path)
		if err != nil {
			return fmt.Errorf("write dictionaries: %w", err)
		}
		if err := fn(f); err != nil {
			f.Close()
			return fmt.Errorf("write %s: %w", path, err)
		}
		if err := f.Close(); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		return nil
	}
	var errs []error
	keep := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	var actors []string
	for _, a := range pd.Actors {
		actors = append(actors, filepath.Base(a.Name))
		keep(write(a.Name, func(w io.Writer) error { return petrarch.WriteActors(w, a) }))
	}
	cfg := map[string]string{petrarch.KeyActors: strings.Join(actors, ", ")}
	if v := pd.Verbs; v != nil {
		cfg[petrarch.KeyVerbs] = filepath.Base(v.Name)
		keep(write(v.Name, func(w io.Writer) error { return petrarch.WriteVerbs(w, v) }))
	}
	if a := pd.Agents; a != nil {
		cfg[petrarch.KeyAgents] = filepath.Base(a.Name)
		keep(write(a.Name, func(w io.Writer) error { return petrarch.WriteAgents(w, a) }))
	}
	if x := pd.Discards; x != nil {
		cfg[petrarch.KeyDiscards] = filepath.Base(x.Name)
		keep(write(x.Name, func(w io.Writer) error { return petrarch.WriteDiscards(w, x) }))
	}
	if x := pd.Issues; x != nil {
		cfg[petrarch.KeyIssues] = filepath.Base(x.Name)
		keep(write(x.Name, func(w io.Writer) error { return petrarch.WriteIssues(w, x) }))
	}
	if x := pd.Prepositions; x != nil {
		keep(write(x.Name, func(w io.Writer) error { return petrarch.WritePrepositions(w, x) }))
	}
	c := pd.Config
	if c == nil {
		sec := &petrarch.ConfigSection{Name: "Dictionaries", Doc: []string{"# written by dyad dict export"}}
		for _, k := range []string{petrarch.KeyVerbs, petrarch.KeyActors, petrarch.KeyAgents, petrarch.KeyDiscards, petrarch.KeyIssues} {
			if v := cfg[k]; v != "" {
				sec.Entries = append(sec.Entries, &petrarch.ConfigEntry{Key: k, Value: v})
			}
		}
		c = &petrarch.Config{Name: petrarch.ConfigFile, Sections: []*petrarch.ConfigSection{sec}}
	}
	keep(write(petrarch.ConfigFile, func(w io.Writer) error { return petrarch.WriteConfig(w, c) }))
	if len(errs) > 0 {
		return errs[0]
	}
	return nil
}

type exporter struct {
	out   *petrarch.Dictionaries
	warn  ErrorList
	syns  map[string]string // alternatives key → synset name
	nsyns int
}

func (x *exporter) skip(origin, format string, args ...any) {
	file, line := splitOrigin(origin)
	x.warn = append(x.warn, Error{File: file, Line: line, Msg: "not exported: " + fmt.Sprintf(format, args...)})
}

// petrarchPhrase writes a dyad phrase as a PETRARCH one: upper case, words joined
// by "_".
func petrarchPhrase(s string) petrarch.Phrase {
	f := strings.Fields(strings.ToUpper(s))
	p := petrarch.Phrase{Words: make([]petrarch.Word, len(f))}
	for i, w := range f {
		p.Words[i] = petrarch.Word{Text: w, Sep: petrarch.SepUnderscore}
	}
	if len(f) > 0 {
		p.Words[len(f)-1].Sep = petrarch.SepNone
	}
	return p
}

func date(t time.Time) petrarch.Date {
	return petrarch.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
}

func (x *exporter) actors(d *Dictionary) {
	ad := &petrarch.ActorDict{Name: petrarchActors}
	for _, e := range d.entries {
		if e.Kind == Agent {
			continue
		}
		phrases := uniq(e.Phrases)
		if len(phrases) == 0 {
			phrases = []string{e.Name}
		}
		a := &petrarch.Actor{Root: petrarchPhrase(phrases[0]), Comment: "# " + e.Kind.String() + " " + e.Origin}
		for _, p := range phrases[1:] {
			a.Synonyms = append(a.Synonyms, &petrarch.Synonym{Phrase: petrarchPhrase(p)})
		}
		code := func(c string) *petrarch.ActorCode {
			return &petrarch.ActorCode{Codes: []string{c}, Inline: true}
		}
		switch e.Kind {
		case Country, Org:
			a.Codes = []*petrarch.ActorCode{code(e.Code)}
		case Capital, City, Adjective:
			a.Codes = []*petrarch.ActorCode{code(e.Country)}
		case Person:
			// outside its offices a person is its country's ELI
			c := e.Code
			if e.Country != "" {
				c = e.Country + "ELI"
			}
			if c != "" {
				a.Codes = append(a.Codes, code(c))
			}
			for _, r := range e.Roles {
				c := &petrarch.ActorCode{Codes: []string{r.Code}}
				switch {
				case r.From.IsZero() && r.Until.IsZero():
					c.Inline = true
				case r.Until.IsZero():
					c.When, c.From = petrarch.After, date(r.From)
				case r.From.IsZero():
					c.When, c.To = petrarch.Before, date(r.Until)
				default:
					c.When, c.From, c.To = petrarch.Between, date(r.From), date(r.Until)
				}
				if r.Title != "" {
					c.Comment = "# " + r.Title
				}
				a.Codes = append(a.Codes, c)
			}
		}
		if len(a.Codes) == 0 {
			x.skip(e.Origin, "%s %q has no code", e.Kind, e.Name)
			continue
		}
		if err := petrarch.WriteActors(io.Discard, &petrarch.ActorDict{Actors: []*petrarch.Actor{a}}); err != nil {
			x.skip(e.Origin, "%s %q: %v", e.Kind, e.Name, err)
			continue
		}
		ad.Actors = append(ad.Actors, a)
	}
	x.out.Actors = []*petrarch.ActorDict{ad}
}

func (x *exporter) agents(d *Dictionary) {
	ag := &petrarch.AgentDict{Name: petrarchAgents}
	for _, e := range d.entries {
		if e.Kind != Agent {
			continue
		}
		code := petrarch.AgentCode{Code: e.Code}
		if c, ok := strings.CutSuffix(e.Code, "~"); ok {
			code = petrarch.AgentCode{Code: c, Prefix: true}
		}
		for _, p := range uniq(e.Phrases) {
			a := &petrarch.Agent{Phrase: petrarchPhrase(p), Plural: &petrarch.Phrase{}, Code: code}
			if err := petrarch.WriteAgents(io.Discard, &petrarch.AgentDict{Agents: []*petrarch.Agent{a}}); err != nil {
				x.skip(e.Origin, "agent %q: %v", p, err)
				continue
			}
			a.Line = len(ag.Agents) + 1 // the writer orders by line
			ag.Agents = append(ag.Agents, a)
		}
	}
	x.out.Agents = ag
}

// synset returns the synset element for a word element with several
// alternatives, defining the synset on first use.
func (x *exporter) synset(v *petrarch.VerbDict, e Elem) petrarch.Element {
	var members []string
	for _, w := range e.Words {
		members = append(members, strings.ToUpper(w))
	}
	for _, ph := range e.Phrases {
		members = append(members, strings.ToUpper(strings.Join(ph, "_")))
	}
	key := strings.Join(members, "|")
	if x.syns == nil {
		x.syns = map[string]string{}
	}
	name := x.syns[key]
	if name == "" {
		x.nsyns++
		name = fmt.Sprintf("DYAD%d", x.nsyns)
		x.syns[key] = name
		s := &petrarch.Synset{Name: name, NoPlural: true, Line: x.nsyns}
		for _, m := range members {
			var els []petrarch.Element
			for _, w := range strings.Split(m, "_") {
				els = append(els, petrarch.Element{Kind: petrarch.ElemWord, Text: w, Sep: petrarch.SepUnderscore})
			}
			els[len(els)-1].Sep = petrarch.SepNone
			s.Members = append(s.Members, &petrarch.SynsetMember{Elems: els})
		}
		v.Synsets = append(v.Synsets, s)
	}
	return petrarch.Element{Kind: petrarch.ElemSynset, Text: name}
}

func (x *exporter) element(v *petrarch.VerbDict, e Elem) (petrarch.Element, error) {
	switch e.Kind {
	case Target:
		return petrarch.Element{Kind: petrarch.ElemTarget}, nil
	case Source:
		return petrarch.Element{Kind: petrarch.ElemSource}, nil
	case Skip:
		return petrarch.Element{Kind: petrarch.ElemSkip}, nil
	case Compound:
		return petrarch.Element{Kind: petrarch.ElemCompound}, nil
	case Word:
		if len(e.Words) == 1 && len(e.Phrases) == 0 {
			return petrarch.Element{Kind: petrarch.ElemWord, Text: strings.ToUpper(e.Words[0])}, nil
		}
		if len(e.Words)+len(e.Phrases) == 0 {
			return petrarch.Element{}, fmt.Errorf("a word element without words")
		}
		return x.synset(v, e), nil
	}
	return petrarch.Element{}, fmt.Errorf("unknown element %v", e.Kind)
}

func (x *exporter) verbs(d *Dictionary) {
	v := &petrarch.VerbDict{Name: petrarchVerbs}
	blocks := map[string]*petrarch.VerbBlock{}
	line := 1 << 20 // blocks after the synsets, which are numbered from 1
	for _, p := range d.Patterns.All() {
		if len(p.Anchor) == 0 {
			continue
		}
		words := p.Anchor[0].Words
		key := strings.Join(words, "|")
		for _, a := range p.Anchor[1:] {
			if len(a.Words) != 1 {
				x.skip(p.Origin, "pattern %q: only the first anchor word may have alternatives in PETRARCH", p.Text)
				key = ""
				break
			}
			key += "_" + a.Words[0]
		}
		if key == "" {
			continue
		}
		b := blocks[key]
		if b == nil {
			line++
			b = &petrarch.VerbBlock{Name: strings.ToUpper(strings.ReplaceAll(key, "|", " ")), Code: petrarch.EventCode{Code: NullCode}, Line: line}
			if len(b.Name) > 60 {
				b.Name = strings.ToUpper(words[0])
			}
			for _, w := range words {
				vp := petrarch.VerbPhrase{Head: -1, Words: []petrarch.Word{{Text: strings.ToUpper(w)}}}
				if len(p.Anchor) > 1 {
					vp.Head = 0
					vp.Words[0].Sep = petrarch.SepUnderscore
					for _, a := range p.Anchor[1:] {
						vp.Words = append(vp.Words, petrarch.Word{Text: strings.ToUpper(a.Words[0]), Sep: petrarch.SepUnderscore})
					}
					vp.Words[len(vp.Words)-1].Sep = petrarch.SepNone
				}
				b.Verbs = append(b.Verbs, &petrarch.Verb{Phrase: vp})
			}
			blocks[key] = b
			v.Blocks = append(v.Blocks, b)
		}
		pat := &petrarch.Pattern{Comment: "# " + p.Origin}
		var notes []string
		if p.POS == Noun {
			notes = append(notes, "noun anchor")
		}
		if p.Symmetric {
			notes = append(notes, "sym")
		}
		if p.NoTarget {
			notes = append(notes, "notarget")
		}
		if p.OptTarget {
			notes = append(notes, "opttarget")
		}
		if p.Fallback {
			notes = append(notes, "fallback")
		}
		if len(notes) > 0 {
			pat.Comment += " (dyad: " + strings.Join(notes, ", ") + ")"
		}
		ok := true
		add := func(e Elem, sep petrarch.Sep) {
			el, err := x.element(v, e)
			if err != nil {
				ok = false
				return
			}
			el.Sep = sep
			pat.Elems = append(pat.Elems, el)
		}
		for _, e := range p.Before {
			sep := petrarch.SepSpace
			if e.Adjacent {
				sep = petrarch.SepUnderscore
			}
			add(e, sep)
		}
		pat.Elems = append(pat.Elems, petrarch.Element{Kind: petrarch.ElemVerb, Sep: petrarch.SepSpace})
		for _, e := range p.After {
			if e.Adjacent {
				pat.Elems[len(pat.Elems)-1].Sep = petrarch.SepUnderscore
			}
			add(e, petrarch.SepSpace)
		}
		pat.Elems[len(pat.Elems)-1].Sep = petrarch.SepNone
		code := petrarch.EventCode{Code: p.Code}
		if p.Reverse != "" {
			code.Paired, code.Reverse = true, p.Reverse
			if code.Code == NullCode {
				code.Code = ""
			}
		}
		pat.Code = code
		if !ok {
			x.skip(p.Origin, "pattern %q", p.Text)
			continue
		}
		bare := len(p.Before) == 0 && len(p.After) == 0
		trial := &petrarch.VerbDict{Synsets: v.Synsets, Blocks: []*petrarch.VerbBlock{{Name: b.Name, Code: b.Code, Verbs: b.Verbs, Patterns: []*petrarch.Pattern{pat}}}}
		if bare {
			trial.Blocks[0].Patterns = nil
			trial.Blocks[0].Code = code
		}
		if err := petrarch.WriteVerbs(io.Discard, trial); err != nil {
			x.skip(p.Origin, "pattern %q: %v", p.Text, err)
			continue
		}
		if bare && b.Code.Code == NullCode && !b.Code.Paired {
			b.Code = code // the bare anchor: the block's default code
			continue
		}
		b.Patterns = append(b.Patterns, pat)
	}
	sort.SliceStable(v.Blocks, func(i, j int) bool { return v.Blocks[i].Name < v.Blocks[j].Name })
	for i, b := range v.Blocks {
		b.Line = 1<<20 + i
	}
	x.out.Verbs = v
}

func (x *exporter) rules(d *Dictionary) {
	if ds := d.Discards(); len(ds) > 0 {
		dd := &petrarch.DiscardDict{Name: petrarchDiscards}
		for _, r := range ds {
			p := petrarchPhrase(strings.Join(r.Words, " "))
			if r.Exact && len(p.Words) > 0 {
				p.Words[len(p.Words)-1].Sep = petrarch.SepUnderscore
			}
			item := &petrarch.Discard{Phrase: p, Story: r.Story}
			if err := petrarch.WriteDiscards(io.Discard, &petrarch.DiscardDict{Discards: []*petrarch.Discard{item}}); err != nil {
				x.skip(r.Origin, "discard %q: %v", r.Text, err)
				continue
			}
			dd.Discards = append(dd.Discards, item)
		}
		x.out.Discards = dd
	}
	if is := d.Issues(); len(is) > 0 {
		id := &petrarch.IssueDict{Name: petrarchIssues}
		var cat *petrarch.IssueCategory
		for _, r := range is {
			src := strings.Repeat("~", r.Exclude) + r.Text
			if r.Code != "" {
				src += " [" + r.Code + "]"
			}
			one, _ := petrarch.ReadIssues(r.Origin, strings.NewReader(src+"\n"))
			if one == nil || len(one.Issues) != 1 {
				x.skip(r.Origin, "issue %q", r.Text)
				continue
			}
			item := one.Issues[0]
			item.Line = 0
			if r.Category == "" {
				id.Issues = append(id.Issues, item)
				continue
			}
			if cat == nil || cat.Attr("CATEGORY") != r.Category {
				cat = &petrarch.IssueCategory{Attrs: []petrarch.Attr{{Name: "CATEGORY", Value: r.Category}}, Closed: true}
				id.Categories = append(id.Categories, cat)
			}
			cat.Issues = append(cat.Issues, item)
		}
		x.out.Issues = id
	}
}
