package coder

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/dict"
)

// actor is an actor mention in a sentence: a run of tokens that the
// dictionary resolves to one CAMEO actor code ("US President Donald Trump",
// "Russian officials", "the Kremlin", a pronoun standing for one of those).
type actor struct {
	start, end int // token range in the sentence
	code       string
	name, role string
	kind       dict.Kind // of the entry that decided the code
	agent      string    // role code when an agent noun was part of it
	country    string
	gender     string
	plural     bool
	pronoun    bool
	via        string // antecedent text, for pronouns
	place      bool   // a city or country named as a place, not acting
	entries    []string
}

// glue reports whether a token may stand between two dictionary matches of
// one actor phrase: titles and unknown names ("Kremlin Spokesperson Dmitry
// Peskov"), possessive 's, "of" ("Office of Germany"), hyphens.
func glue(t dyad.Token) bool {
	if isDateWord(t.Text) || isNumber(t.Text) {
		return false // "Britain's Sunday newspapers", "Group of Seven" is a dictionary phrase
	}
	switch t.Tag {
	case "NNP", "NNPS", "POS", "HYPH":
		return true
	}
	switch strings.ToLower(t.Text) {
	case "of", "'s", "’s", "-":
		return true
	}
	return false
}

// findActors returns the actor mentions of one sentence, in order, from
// the dictionary matches found over its words.
func (c *Coder) findActors(s *dyad.Sentence, found []dict.Match, words []string, date time.Time) []*actor {
	toks := s.Tokens
	var matches []dict.Match
	for _, m := range found {
		// a role noun must be a noun here: "official" in "official Israeli
		// territory" is an adjective
		if m.Best().Kind == dict.Agent && !strings.HasPrefix(toks[m.End-1].Tag, "NN") {
			continue
		}
		matches = append(matches, m)
	}
	var out []*actor
	for i := 0; i < len(matches); i++ {
		m := matches[i]
		group := []dict.Match{m}
		end := m.End
		for j := i + 1; j < len(matches); j++ {
			n := matches[j]
			ok := n.Start-end <= 4
			for k := end; ok && k < n.Start; k++ {
				// "Hong Kong's principal police": modifiers of a role noun
				// stay in the phrase; "of the" joins "President of the
				// United States"
				ok = glue(toks[k]) || n.Best().Kind == dict.Agent && (toks[k].Tag == "JJ" || toks[k].Tag == "NN") ||
					toks[k].Tag == "DT" && k > 0 && strings.EqualFold(toks[k-1].Text, "of")
			}
			// "soldiers from Gondor", "officials in Moscow": a role noun
			// without a country takes the one named right after it
			if !ok && n.Start == end+1 && (strings.EqualFold(toks[end].Text, "from") || strings.EqualFold(toks[end].Text, "in")) {
				last, next := group[len(group)-1].Best(), n.Best()
				ok = last.Kind == dict.Agent && len(group) == 1 && (next.Kind == dict.Country || next.Kind == dict.Capital)
			}
			// "of" joins only an agent or organisation to the country it
			// belongs to, not two countries ("war of Russia and Ukraine")
			if ok && n.Start > end && strings.EqualFold(toks[end].Text, "of") {
				last := group[len(group)-1].Best()
				ok = last.Kind == dict.Agent || last.Kind == dict.Org || last.Kind == dict.Person
			}
			if !ok {
				break
			}
			group = append(group, n)
			end = n.End
			i = j
		}
		start := group[0].Start
		// unknown names around a title: "Greek Foreign Minister George
		// Katrougalos" keeps the name inside the actor phrase
		for end < len(toks) && nameWord(toks, end) && group[len(group)-1].Best().Kind != dict.Country {
			end++
		}
		for start > 0 && toks[start-1].Tag == "NNP" && isCapitalised(toks[start-1].Text) && !isDateWord(toks[start-1].Text) &&
			!isNumber(toks[start-1].Text) && c.dict.Lookup(words[start-1:start]) == nil {
			start--
		}
		a := c.resolveGroup(group, toks, start, end, date)
		if a != nil {
			out = append(out, a)
		}
	}
	return out
}

// resolveGroup decides the code of an actor phrase from the entries found
// in it: a person, else an organisation, else a country (name, adjective or
// capital) combined with the role noun ("Russian officials" → RUSGOV).
func (c *Coder) resolveGroup(group []dict.Match, toks []dyad.Token, start, end int, date time.Time) *actor {
	a := &actor{start: start, end: end}
	var person, org, country, agent *dict.Entry
	var countryTok int
	for _, m := range group {
		e := m.Best()
		a.entries = append(a.entries, e.Kind.String()+":"+e.Name+" ("+e.Origin+")")
		switch e.Kind {
		case dict.Person:
			if person == nil {
				person = e
			}
		case dict.Org:
			if org == nil {
				org = e
			}
		case dict.Country, dict.Capital, dict.Adjective, dict.City:
			if country == nil {
				country, countryTok = e, m.End-1
			}
		case dict.Agent:
			agent = e // the last role noun is the phrase's head
			if t := toks[m.End-1].Tag; t == "NNS" || t == "NNPS" {
				a.plural = true
			}
		}
	}
	if agent != nil {
		a.agent = agent.Code
	}
	switch {
	case person != nil:
		a.code, a.role = person.At(date)
		a.name, a.kind, a.gender, a.country = person.Name, dict.Person, person.Gender, person.Country
		a.plural = false
	case org != nil:
		a.code, a.name, a.kind = org.Code, org.Name, dict.Org
		if agent != nil && len(org.Code) == 3 {
			a.code += agent.Code // "Kremlin officials" stays RUSGOV; "NATO" + troops stays NATO's code
		}
	case country != nil:
		a.country, a.kind = countryOf(country), country.Kind
		a.name = country.Name
		switch {
		case agent != nil:
			a.code = a.country + agent.Code
		case country.Kind == dict.Capital:
			a.code = a.country + "GOV" // "Moscow said": the capital stands for the government
		case country.Kind == dict.Country:
			a.code = a.country
		case country.Kind == dict.Adjective:
			// "Russians" acts; "Russian" before another noun only modifies it
			if t := toks[countryTok].Tag; t == "NNPS" || t == "NNS" {
				a.code, a.plural = a.country, true
			} else {
				return nil
			}
		case country.Kind == dict.City:
			a.code, a.place = a.country, true
		}
	case agent != nil:
		a.kind, a.name = dict.Agent, agent.Name // country unknown yet: filled from context
	default:
		return nil
	}
	return a
}

func countryOf(e *dict.Entry) string {
	if e.Kind == dict.Country {
		return e.Code
	}
	return e.Country
}

var monthDay = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
}

func isCapitalised(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }

// isDateWord keeps weekday and month names (tagged NNP) out of actor names.
func isDateWord(w string) bool { return monthDay[strings.ToLower(w)] }

// nameWord reports whether token k continues an unknown name after a
// dictionary match: a capitalised proper noun, or a lower-case particle
// and its hyphen before one ("da" in "Lula da Silva", "al-" in "Nouri
// al-Maliki"). Weekdays, months and numbers end the name ("President
// Olusegun Obasanjo Friday", "Bali Nine"), and so do words the tagger read
// as proper nouns in lower case ("the Senate open", "Treasury bill").
func nameWord(toks []dyad.Token, k int) bool {
	t := toks[k]
	capitalised := func(k int) bool {
		r, _ := utf8.DecodeRuneInString(toks[k].Text)
		return (toks[k].Tag == "NNP" || toks[k].Tag == "NNPS") && unicode.IsUpper(r) &&
			!isDateWord(toks[k].Text) && !isNumber(toks[k].Text)
	}
	particle := func(k int) bool {
		r, _ := utf8.DecodeRuneInString(toks[k].Text)
		return toks[k].Tag == "NNP" && unicode.IsLower(r)
	}
	switch {
	case capitalised(k):
		return true
	case particle(k):
		return k+1 < len(toks) && capitalised(k+1) || k+2 < len(toks) && toks[k+1].Tag == "HYPH" && capitalised(k+2)
	case t.Tag == "HYPH":
		return k > 0 && particle(k-1) && k+1 < len(toks) && capitalised(k+1)
	}
	return false
}

var numberWords = map[string]bool{
	"one": true, "two": true, "three": true, "four": true, "five": true, "six": true, "seven": true, "eight": true,
	"nine": true, "ten": true, "eleven": true, "twelve": true, "thirteen": true, "fourteen": true, "fifteen": true,
	"sixteen": true, "seventeen": true, "eighteen": true, "nineteen": true, "twenty": true, "thirty": true,
	"forty": true, "fifty": true, "sixty": true, "seventy": true, "eighty": true, "ninety": true, "hundred": true,
	"hundreds": true, "thousand": true, "thousands": true, "million": true, "millions": true, "billion": true,
	"billions": true, "dozen": true, "dozens": true,
}

// isNumber keeps numbers the tagger read as proper nouns out of actor
// names: "Seven" opening "Seven Hezbollah militants", "350" in "King Air
// 350". Number words and digits ("2,000", "3.5") count; ordinals do not.
func isNumber(w string) bool {
	if numberWords[strings.ToLower(w)] {
		return true
	}
	if w == "" {
		return false
	}
	for _, r := range w {
		if (r < '0' || r > '9') && r != ',' && r != '.' {
			return false
		}
	}
	return w[0] >= '0' && w[0] <= '9'
}

// pronouns the coder resolves, with what they may stand for.
var pronouns = map[string]struct {
	gender string
	plural bool
	first  bool
}{
	"he": {"m", false, false}, "him": {"m", false, false}, "his": {"m", false, false},
	"she": {"f", false, false}, "her": {"f", false, false},
	"they": {"", true, false}, "them": {"", true, false}, "their": {"", true, false},
	"it": {"", false, false}, "its": {"", false, false},
	"i": {"", false, true}, "me": {"", false, true}, "my": {"", false, true},
	"we": {"", true, true}, "us": {"", true, true}, "our": {"", true, true},
}
