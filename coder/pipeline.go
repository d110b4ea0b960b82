package coder

import (
	"fmt"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/dict"
	"github.com/dyad-events/dyad/geo"
	"github.com/dyad-events/dyad/text"
	"github.com/dyad-events/dyad/text/coref"
	"github.com/dyad-events/dyad/timex"
)

// Pipeline is the whole path from article to events: the text analyser
// (with the dictionary's knowledge of people for pronoun resolution) and
// the coder with its gazetteer. Build one per process; it is safe for
// concurrent use.
type Pipeline struct {
	Dict     *dict.Dictionary
	Analyzer *text.Analyzer
	Coder    *Coder
	// Places is the gazetteer the coder locates events with (nil: none).
	// Pass it to further pipelines with WithPlaces rather than loading it
	// again.
	Places Places
}

// NewPipeline loads the tagger and the CAMEO tables around dictionary d,
// and the embedded gazetteer unless an option gives one (WithPlaces).
func NewPipeline(d *dict.Dictionary, opts ...Option) (*Pipeline, error) {
	o := buildOptions(opts)
	tables, err := cameo.Load()
	if err != nil {
		return nil, err
	}
	an, err := text.NewAnalyzer(coref.Options{Lookup: lookup(d)})
	if err != nil {
		return nil, fmt.Errorf("load tagger: %w", err)
	}
	if !o.placesSet {
		g, err := geo.Load()
		if err != nil {
			return nil, err
		}
		opts = append(opts[:len(opts):len(opts)], WithPlaces(g))
		o.places = g
	}
	return &Pipeline{Dict: d, Analyzer: an, Coder: New(d, tables, Dates, an.Lemma, opts...), Places: o.places}, nil
}

// Code analyses and codes one article.
func (p *Pipeline) Code(a *dyad.Article) []dyad.Event { return p.Coder.Code(p.Analyzer.Analyze(a)) }

// Explain analyses one article and traces its coding.
func (p *Pipeline) Explain(a *dyad.Article) []SentenceTrace {
	return p.Coder.Explain(p.Analyzer.Analyze(a))
}

// Dates is the coder's DateFinder backed by package timex.
func Dates(s string, ref time.Time, future bool) []dyad.Timex {
	tense := timex.Past
	if future {
		tense = timex.Future
	}
	return timex.Extract(s, ref, tense)
}

// lookup tells coreference resolution what the dictionary knows of a
// name: people (with gender) versus countries and organisations.
func lookup(d *dict.Dictionary) func(string) (bool, string, bool) {
	return func(name string) (person bool, gender string, known bool) {
		words := text.Words(name)
		for i := range words {
			// "US President Donald Trump": the longest known tail decides
			if es := d.Lookup(words[i:]); len(es) > 0 {
				best := dict.Match{Entries: es}.Best()
				return best.Kind == dict.Person || best.Kind == dict.Agent, best.Gender, true
			}
		}
		return false, "", false
	}
}
