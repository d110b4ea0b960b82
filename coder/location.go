package coder

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/dict"
	"github.com/dyad-events/dyad/geo"
)

// Places resolves a place name as written ("Kharkiv", "Paris, Texas") to
// a place with its country, first-level division and coordinates.
// countryHint lists country codes the text is about, most relevant first.
// *geo.Gazetteer implements it.
type Places interface {
	Resolve(name string, countryHint []string) (geo.Place, bool)
}

// An Option configures New and NewPipeline.
type Option func(*options)

type options struct {
	places    Places
	placesSet bool
}

// WithPlaces makes the coder resolve event locations with p. New without
// it (or with WithPlaces(nil)) locates events with the dictionary's cities
// and countries only, without coordinates; NewPipeline without it loads
// the embedded gazetteer (geo.Load).
func WithPlaces(p Places) Option {
	if g, ok := p.(*geo.Gazetteer); ok && g == nil {
		p = nil
	}
	return func(o *options) { o.places, o.placesSet = p, true }
}

func buildOptions(opts []Option) options {
	var o options
	for _, f := range opts {
		if f != nil {
			f(&o)
		}
	}
	return o
}

// placePreps introduce the place of an event after its anchor: "met in
// Budapest", "talks at Camp David", "clashes near Bakhmut", "strikes on
// Kharkiv", "fighting outside Kyiv", "gathered around Hong Kong's police
// headquarters", "protests across Iran".
var placePreps = map[string]bool{"in": true, "at": true, "near": true, "on": true, "outside": true, "inside": true,
	"around": true, "across": true}

// placeNouns may follow a place name without making it a modifier:
// "clashes in Donetsk region" is in Donetsk, "the Paris talks" are not.
var placeNouns = map[string]bool{"region": true, "province": true, "oblast": true, "city": true, "district": true,
	"area": true, "governorate": true, "state": true, "county": true, "village": true, "town": true, "prefecture": true}

// notPlaces are names that news capitalise after "in" or "at" and that
// the gazetteer would read as a town or a division, mostly through its
// alternate names (translations: "White House" is one of Casablanca's,
// "Duma" one of Douma's): world regions, seas, compass points,
// institutions and common words. Lower-case, words separated by one space.
var notPlaces = map[string]bool{
	"africa": true, "asia": true, "europe": true, "antarctica": true, "middle east": true, "sahel": true,
	"gulf": true, "red sea": true, "atlantic": true, "pacific": true,
	"north": true, "south": true, "east": true, "west": true, "central": true, "centre": true, "center": true,
	"white house": true, "duma": true, "westminster": true, "whitehall": true, "summit": true, "university": true,
	"temple": true, "hall": true, "republic": true, "empire": true, "union": true, "federal": true,
	"national": true, "freedom": true, "independence": true, "liberty": true, "google": true, "meta": true,
	"god": true, "ramadan": true, "police": true, "port": true, "san": true, "bay": true, "valley": true,
	"islands": true,
}

// hintDisplacement is how large, as a share of the most likely place's
// population, a place in a hinted country must be to be preferred: Biden
// in Paris is still in France (Paris, Texas has 1% of its people), a
// Lebanese minister in Tripoli is in Lebanon's (20% of Libya's).
const hintDisplacement = 0.15

// location is where the event happened: the first place named after the
// anchor in its clause behind a place preposition (placePreps; "on" for
// towns and divisions only), or in apposition to such a phrase ("in an
// agreed-upon location, Budapest, Hungary"); else one named in a fronted
// "In Kharkiv, …"; else the dateline's place, marked as a fallback because
// it is where the reporter was. Names are resolved with the gazetteer, the
// event's actors' countries and the dateline's country deciding ambiguous
// ones; a name the gazetteer does not know is kept when the dictionary
// knows it as a city or country (without coordinates).
func (c *Coder) location(doc *dyad.Document, st *sentenceState, m *match) *dyad.Location {
	dateline, dlCountry := c.datelinePlace(doc)
	hints := placeHints(m, dlCountry)
	toks := st.s.Tokens
	end := st.clauseEnd(m.anchorTo - 1)
	// a trailing ", in Qatar." belongs to the event's clause
	for end+1 < len(toks) && toks[end].Text == "," && placePreps[strings.ToLower(toks[end+1].Text)] {
		end = st.clauseEnd(end)
	}
	// the event's phrase ends at a conjunction that opens another noun
	// phrase after its evidence and named actors: "repression of the Cuban
	// people and its support for Maduro in Venezuela" did not happen in
	// Venezuela ("arrest a journalist and two guides in Ramadi" did)
	stop := m.evEnd
	for _, as := range [][]*actor{m.sources, m.targets} {
		for _, a := range as {
			if !a.pronoun && a.start >= m.anchor && a.end > stop {
				stop = a.end
			}
		}
	}
	for i := m.anchorTo; i < end; i++ {
		w := strings.ToLower(toks[i].Text)
		switch {
		case i >= stop && (w == "and" || w == "or" || w == "but") && i+1 < len(toks) && toks[i+1].Tag == "PRP$":
			return c.frontedPlace(doc, st, m, hints, dateline)
		case i >= stop && (toks[i].Tag == "VBG" || toks[i].Tag == "VBN") && (isNoun(toks[i-1]) || toks[i-1].Text == ")"):
			// a participle modifying a noun opens another event's phrase:
			// "vetoes a resolution condemning the killing … in Gaza City"
			return c.frontedPlace(doc, st, m, hints, dateline)
		case placePreps[w]:
			s := i + 1
			if s < end && strings.EqualFold(toks[s].Text, "the") {
				s++
			}
			if l := c.placeAt(doc, st, s, end, w, hints); l != nil {
				return l
			}
		case w == "," && appositive(toks, m.anchorTo, i):
			if l := c.placeAt(doc, st, i+1, end, "in", hints); l != nil {
				return l
			}
		}
	}
	return c.frontedPlace(doc, st, m, hints, dateline)
}

// frontedPlace is the place of a fronted "In Kharkiv, …" before the
// anchor, else the dateline's.
func (c *Coder) frontedPlace(doc *dyad.Document, st *sentenceState, m *match, hints []string, dateline *dyad.Location) *dyad.Location {
	toks := st.s.Tokens
	// "In Kharkiv, Russian forces …", "In Tbilisi, Georgia, opponents …":
	// a fronted place before the anchor
	if len(toks) > 2 && m.anchor > 2 {
		if w := strings.ToLower(toks[0].Text); w == "in" || w == "at" || w == "near" {
			s := 1
			if strings.EqualFold(toks[s].Text, "the") {
				s++
			}
			if j := st.placeWords(s, m.anchor, 5); j > s && j < m.anchor && toks[j].Text == "," {
				if l := c.placeAt(doc, st, s, m.anchor, w, hints); l != nil {
					return l
				}
			}
		}
	}
	return dateline
}

// appositive reports whether the comma at token k closes a common-noun
// phrase that a place preposition opened after the anchor: "in an
// agreed-upon location, Budapest", not "in nations including Denmark,
// France".
func appositive(toks []dyad.Token, from, k int) bool {
	noun := false
	for i := k - 1; i >= from && i >= k-6; i-- {
		t := toks[i]
		w := strings.ToLower(t.Text)
		switch {
		case placePreps[w] && w != "on":
			return noun
		case t.Tag == "NNP" || t.Tag == "NNPS" || t.Tag == "CC" || t.Tag == "MD" || isVerb(t) && t.Tag != "VBN" && t.Tag != "VBG" ||
			w == "," || w == "including" || w == "such" || w == "like":
			return false
		case t.Tag == "NN" || t.Tag == "NNS":
			noun = true
		}
	}
	return false
}

// placeAt resolves the proper-noun sequence starting at token s (before
// end), as introduced by the preposition prep: with a qualifier ("Paris,
// Texas") when one follows and fits, else its longest resolvable prefix.
func (c *Coder) placeAt(doc *dyad.Document, st *sentenceState, s, end int, prep string, hints []string) *dyad.Location {
	toks := st.s.Tokens
	j := st.placeWords(s, end, 5)
	if j == s {
		return nil
	}
	// "in Paris talks", "at Google headquarters": the name modifies a noun
	if j < len(toks) && (toks[j].Tag == "NN" || toks[j].Tag == "NNS") && !placeNouns[strings.ToLower(toks[j].Text)] {
		return nil
	}
	text := func(a, b int) string {
		return doc.Article.Text(dyad.Span{Start: toks[a].Start, End: toks[b-1].End})
	}
	fits := func(p geo.Place) bool { return prep != "on" || p.Kind == geo.City || p.Kind == geo.Admin1 }
	// found returns p's location named by tokens [s, e), with a capitalised
	// "The" before them when it is part of the name ("The Hague")
	found := func(p geo.Place, e int) *dyad.Location {
		t := text(s, e)
		if s > 1 && toks[s-1].Text == "The" {
			if q, ok := c.places.Resolve(text(s-1, e), nil); ok && q.Name == p.Name && q.Country == p.Country {
				t = text(s-1, e)
			}
		}
		l := p.Location(t)
		return &l
	}
	if c.places != nil {
		// "Paris, Texas", "Budapest, Hungary"; not "Niamey, Niger's capital"
		if j+1 < end && toks[j].Text == "," {
			k := st.placeWords(j+1, end, 4)
			if k > j+1 && !(k < len(toks) && toks[k].Tag == "POS") {
				if p, ok := c.resolvePlace(text(s, k), hints); ok && fits(p) {
					return found(p, k)
				}
			}
		}
		for e := j; e > s; e-- {
			t := text(s, e)
			if notPlaces[strings.ToLower(strings.Join(strings.Fields(t), " "))] {
				if e == j {
					break // "the Red Sea" is not the Red Sea state of Sudan, nor "Red"
				}
				continue
			}
			if p, ok := c.resolvePlace(t, hints); ok && fits(p) {
				return found(p, e)
			}
		}
	}
	// a city or country the dictionary knows and the gazetteer does not
	for _, a := range st.actors {
		if a.pronoun || a.start != s || a.agent != "" || !(a.kind == dict.City || a.kind == dict.Capital || a.kind == dict.Country || a.place) {
			continue
		}
		if prep == "on" && a.kind == dict.Country {
			return nil // "sanctions on Russia": the target, not a place
		}
		t := text(a.start, a.end)
		if c.places != nil && a.name != "" {
			if p, ok := c.places.Resolve(a.name, []string{a.country}); ok && p.Country == a.country && fits(p) {
				l := p.Location(t)
				return &l
			}
		}
		return &dyad.Location{Text: t, Name: a.name, Country: a.country}
	}
	return nil
}

// placeWords returns the end of the run of at most max place-name words
// from token s (before end): capitalised proper nouns that are not weekday
// or month names nor part of a person's or organisation's name; tokens of
// a place the dictionary knows count whatever their tag.
func (st *sentenceState) placeWords(s, end, max int) int {
	toks := st.s.Tokens
	j := s
	for ; j < end && j-s < max; j++ {
		t := toks[j]
		r, _ := utf8.DecodeRuneInString(t.Text)
		if !unicode.IsUpper(r) || isDateWord(t.Text) {
			break
		}
		known, other := false, false
		for _, a := range st.actors {
			if a.pronoun || j < a.start || j >= a.end {
				continue
			}
			switch a.kind {
			case dict.City, dict.Capital, dict.Country:
				known = true
			case dict.Person, dict.Org:
				other = true
			}
		}
		if other || !known && t.Tag != "NNP" && t.Tag != "NNPS" {
			break
		}
	}
	return j
}

// resolvePlace resolves name with the hinted countries, but lets a hinted
// country's place displace the most likely one only when it is a country's
// division displacing the country of the same name ("Georgia" with US
// actors is the state) or is not much smaller (hintDisplacement): the
// countries of an event's actors say little about which Paris is meant.
func (c *Coder) resolvePlace(name string, hints []string) (geo.Place, bool) {
	best, ok := c.places.Resolve(name, nil)
	if !ok || len(hints) == 0 || slices.Contains(hints, best.Country) {
		return best, ok
	}
	p, _ := c.places.Resolve(name, hints)
	if p.Country == best.Country || !slices.Contains(hints, p.Country) {
		return best, true
	}
	if best.Kind == geo.Country && p.Kind == geo.Admin1 || float64(p.Population) >= hintDisplacement*float64(best.Population) {
		return p, true
	}
	return best, true
}

// placeHints lists the countries that decide an ambiguous place name: the
// event's sources' and targets' countries, then the dateline's.
func placeHints(m *match, dateline string) []string {
	var out []string
	add := func(cc string) {
		if len(cc) == 3 && !slices.Contains(out, cc) {
			out = append(out, cc)
		}
	}
	for _, as := range [][]*actor{m.sources, m.targets} {
		for _, a := range as {
			if a.country != "" {
				add(a.country)
			} else if len(a.code) >= 3 {
				add(a.code[:3])
			}
		}
	}
	add(dateline)
	return out
}

// datelinePlace returns the dateline's place as a fallback location and
// its country ("" when unknown). The dateline is resolved on its own: wire
// services qualify a place that is not the well-known one.
func (c *Coder) datelinePlace(doc *dyad.Document) (*dyad.Location, string) {
	dl := doc.Article.Dateline
	if dl == nil || dl.Place == "" {
		return nil, ""
	}
	if c.places != nil {
		if p, ok := c.places.Resolve(dl.Place, nil); ok {
			l := p.Location(dl.Place)
			l.Fallback = true
			return &l, l.Country
		}
	}
	l := &dyad.Location{Text: dl.Place, Fallback: true}
	for _, e := range c.dict.Lookup(strings.Fields(dl.Place)) {
		if e.Kind != dict.City && e.Kind != dict.Capital {
			continue
		}
		l.Name, l.Country = e.Name, e.Country
		if c.places != nil {
			if p, ok := c.places.Resolve(e.Name, []string{e.Country}); ok && p.Country == e.Country {
				*l = p.Location(dl.Place)
				l.Fallback = true
			}
		}
	}
	return l, l.Country
}
