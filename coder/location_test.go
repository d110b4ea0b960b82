package coder_test

import (
	"math"
	"slices"
	"sync"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/dict"
	"github.com/dyad-events/dyad/geo"
	"github.com/dyad-events/dyad/ingest"
	"github.com/dyad-events/dyad/text"
)

// codeText codes one article given as its file text.
func codeText(t *testing.T, p *coder.Pipeline, raw string) []dyad.Event {
	t.Helper()
	a, err := ingest.ParseArticle("t", "t.txt", []byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	events := p.Code(a)
	for _, e := range events {
		checkProvenance(t, a, e)
	}
	return events
}

// TestLocation checks where events are placed: the place named with the
// event, resolved with the gazetteer to its country, first-level division
// and coordinates, and the dateline's place only as a marked fallback.
func TestLocation(t *testing.T) {
	p := pipeline(t)
	const none = 999.0 // no coordinates expected
	tests := []struct {
		name     string
		text     string // the article: header, optional dateline, one event sentence
		nilLoc   bool   // the event has no location
		locText  string
		place    string // Location.Name
		country  string
		admin1   string
		lat, lon float64 // ±0.05, unless none
		fallback bool
	}{
		{"MetInCapital", " date 2024-03-14 Hungarian Prime Minister Viktor Orban met Russian President Vladimir Putin in Budapest on Monday.",
			false, "Budapest", "Budapest", "HUN", "Budapest", 47.50, 19.04, false},
		{"StrikesOnCity", " date 2024-03-14 Russian forces carried out strikes on Kharkiv.",
			false, "Kharkiv", "Kharkiv", "UKR", "Kharkiv", 49.98, 36.25, false},
		{"QualifiedByState", " date 2024-03-14 US President Joe Biden met French President Emmanuel Macron in Paris, Texas on Monday.",
			false, "Paris, Texas", "Paris", "USA", "Texas", 33.66, -95.56, false},
		{"QualifiedByCountryInApposition", " date 2025-10-17 US President Donald Trump said he will meet Russian President Vladimir Putin in an agreed-upon location, Budapest, Hungary, to end the war.",
			false, "Budapest, Hungary", "Budapest", "HUN", "Budapest", 47.50, 19.04, false},
		{"DatelineFallback", " date 2024-10-17 Paris, Oct 16 (AFP) Russia criticized Ukraine on Wednesday.",
			false, "Paris", "Paris", "FRA", "Île-de-France", 48.85, 2.35, true},
		{"EventPlaceBeatsDateline", " date 2024-10-17 Paris, Oct 16 (AFP) Russian forces carried out strikes on Kharkiv.",
			false, "Kharkiv", "Kharkiv", "UKR", "Kharkiv", 49.98, 36.25, false},
		{"OnlyInTheGazetteer", " date 2024-03-14 Kenyan police clashed with protesters in Naivasha on Monday.",
			false, "Naivasha", "Naivasha", "KEN", "Nakuru County", -0.72, 36.43, false},
		{"TalksInCity", " date 2024-03-14 Russia held talks with Ukraine in Doha on Monday.",
			false, "Doha", "Doha", "QAT", "Baladiyat ad Dawhah", 25.29, 51.53, false},
		{"FrontedPlace", " date 2024-03-14 In Kyiv, Ukrainian President Volodymyr Zelensky met US Secretary of State Antony Blinken on Tuesday.",
			false, "Kyiv", "Kyiv", "UKR", "Kyiv City", 50.45, 30.52, false},
		{"TrailingPlaceAfterComma", " date 2019-01-24 The Taliban met on Monday with Zalmay Khalilzad, a US peace envoy, in Qatar.",
			false, "Qatar", "Qatar", "QAT", "", 25.31, 51.47, false},
		{"ArticleInTheName", " date 2024-03-14 Russia criticized Ukraine at a hearing in The Hague.",
			false, "The Hague", "The Hague", "NLD", "South Holland", 52.08, 4.30, false},
		// ambiguous names: the actors' countries decide, but a foreign
		// actor does not move Paris to Texas
		{"ParisWithUSActorIsFrance", " date 2024-03-14 US President Joe Biden criticized Russia in Paris on Monday.",
			false, "Paris", "Paris", "FRA", "Île-de-France", 48.85, 2.35, false},
		{"GeorgiaWithUSActorsIsTheState", " date 2024-03-14 Donald Trump criticized Joe Biden at a rally in Georgia on Monday.",
			false, "Georgia", "Georgia", "USA", "Georgia", 33.28, -83.85, false},
		{"GeorgiaWithGeorgianActorIsTheCountry", " date 2024-03-14 US President Joe Biden met Georgian protesters in Georgia on Monday.",
			false, "Georgia", "Georgia", "GEO", "", none, 0, false},
		{"TripoliWithLebaneseActorIsLebanon", " date 2024-03-14 Lebanese Prime Minister Najib Mikati met Syrian officials in Tripoli.",
			false, "Tripoli", "Tripoli", "LBN", "North Lebanon", 34.43, 35.84, false},
		{"TripoliWithoutContextIsLibya", " date 2024-03-14 Russia criticized Ukraine in Tripoli.",
			false, "Tripoli", "Tripoli", "LBY", "Tripoli", 32.89, 13.19, false},
		// what is not the event's place
		{"SanctionsOnACountryIsTheTarget", " date 2024-03-14 The United States imposed sanctions on Russia.", true, "", "", "", "", none, 0, false},
		{"NoPlaceNoDateline", " date 2024-03-14 Russia attacked Ukraine on Monday.", true, "", "", "", "", none, 0, false},
		{"InstitutionNotATown", " date 2024-03-14 US President Joe Biden met Russian President Vladimir Putin at the White House.", true, "", "", "", "", none, 0, false},
		{"ListNotApposition", " date 2019-01-24 The European Union sanctioned Iran over alleged plots against dissidents in nations including Denmark, France, and the Netherlands.",
			true, "", "", "", "", none, 0, false},
		{"OtherPhrasePlace", ` date 2019-10-27 Pompeo cited the Cuban government's "ongoing repression of the Cuban people and its support for Nicolás Maduro in Venezuela".`,
			true, "", "", "", "", none, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			events := codeText(t, p, tc.text)
			if len(events) == 0 {
				t.Fatalf("no event coded from %q", tc.text)
			}
			e := events[0]
			l := e.Location
			if tc.nilLoc {
				if l != nil {
					t.Errorf("%s %s %s: location %+v, want none", e.Source.Code, e.CAMEO, targetOf(e), *l)
				}
				return
			}
			if l == nil {
				t.Fatalf("%s %s %s: no location, want %s", e.Source.Code, e.CAMEO, targetOf(e), tc.locText)
			}
			if l.Text != tc.locText || l.Name != tc.place || l.Country != tc.country || l.Admin1 != tc.admin1 || l.Fallback != tc.fallback {
				t.Errorf("location %+v, want text %q name %q country %s admin1 %q fallback %v", *l, tc.locText, tc.place, tc.country, tc.admin1, tc.fallback)
			}
			if tc.lat != none && (math.Abs(l.Lat-tc.lat) > 0.05 || math.Abs(l.Lon-tc.lon) > 0.05) {
				t.Errorf("coordinates %.4f,%.4f, want %.2f,%.2f", l.Lat, l.Lon, tc.lat, tc.lon)
			}
			if l.Lat == 0 && l.Lon == 0 {
				t.Errorf("location %+v without coordinates", *l)
			}
		})
	}
}

func targetOf(e dyad.Event) string {
	if e.Target == nil {
		return "-"
	}
	return e.Target.Code
}

// hintRecorder is a gazetteer that knows one place and records the
// country hints it was asked with.
type hintRecorder struct {
	mu    sync.Mutex
	hints [][]string
}

func (h *hintRecorder) Resolve(name string, hints []string) (geo.Place, bool) {
	if name != "Springfield" {
		return geo.Place{}, false
	}
	h.mu.Lock()
	h.hints = append(h.hints, slices.Clone(hints))
	h.mu.Unlock()
	return geo.Place{Name: "Springfield", Country: "USA", Admin1: "Illinois", Lat: 39.8, Lon: -89.64, Population: 116250, Kind: geo.City}, true
}

// TestLocationHints checks the countries an ambiguous name is resolved
// with: the event's source and target, then the dateline's country.
// (resolvePlace first asks without hints, for the most likely place.)
func TestLocationHints(t *testing.T) {
	p := pipeline(t)
	rec := &hintRecorder{}
	p2, err := coder.NewPipeline(p.Dict, coder.WithPlaces(rec))
	if err != nil {
		t.Fatal(err)
	}
	if p2.Places != rec {
		t.Fatalf("pipeline places %T, want the one given", p2.Places)
	}
	events := codeText(t, p2, " date 2024-10-17 Berlin, Oct 16 (dpa) French President Emmanuel Macron met Russian President Vladimir Putin in Springfield on Wednesday.")
	if len(events) != 1 || events[0].Location == nil || events[0].Location.Name != "Springfield" {
		t.Fatalf("events %+v, want one in Springfield", events)
	}
	// Berlin is not in this gazetteer, but the dictionary knows it as
	// Germany's capital
	want := []string{"FRA", "RUS", "DEU"}
	if !slices.ContainsFunc(rec.hints, func(h []string) bool { return slices.Equal(h, want) }) {
		t.Errorf("hints %v, want %v", rec.hints, want)
	}
}

// TestLocationWithoutGazetteer codes with WithPlaces(nil): the places the
// dictionary knows, without coordinates, as before the gazetteer.
func TestLocationWithoutGazetteer(t *testing.T) {
	d, err := dict.Default(dict.Options{Tokenize: text.Words})
	if err != nil {
		t.Fatal(err)
	}
	p, err := coder.NewPipeline(d, coder.WithPlaces(nil))
	if err != nil {
		t.Fatal(err)
	}
	if p.Places != nil {
		t.Fatalf("pipeline places %T, want none", p.Places)
	}
	for _, tc := range []struct {
		text string
		want dyad.Location
	}{
		{" date 2024-03-14 Hungarian Prime Minister Viktor Orban met Russian President Vladimir Putin in Budapest on Monday.",
			dyad.Location{Text: "Budapest", Name: "Budapest", Country: "HUN"}},
		{" date 2024-10-17 Paris, Oct 16 (AFP) Russia criticized Ukraine on Wednesday.",
			dyad.Location{Text: "Paris", Name: "Paris", Country: "FRA", Fallback: true}},
	} {
		events := codeText(t, p, tc.text)
		if len(events) == 0 || events[0].Location == nil || *events[0].Location != tc.want {
			var got any = events
			if len(events) > 0 {
				got = events[0].Location
			}
			t.Errorf("%q: location %+v, want %+v", tc.text, got, tc.want)
		}
	}
}

// TestGazetteerLoadedOncePerPipeline guards the cost of geolocation: a
// pipeline holds one gazetteer, and WithPlaces shares it.
func TestGazetteerLoadedOncePerPipeline(t *testing.T) {
	p := pipeline(t)
	g, ok := p.Places.(*geo.Gazetteer)
	if !ok || g == nil {
		t.Fatalf("default pipeline places %T, want *geo.Gazetteer", p.Places)
	}
	p2, err := coder.NewPipeline(p.Dict, coder.WithPlaces(p.Places))
	if err != nil {
		t.Fatal(err)
	}
	if p2.Places != p.Places {
		t.Error("WithPlaces(p.Places) loaded another gazetteer")
	}
}
