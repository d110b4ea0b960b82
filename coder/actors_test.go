package coder_test

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad/ingest"
)

// TestActorNames checks where actor phrases end: an unknown name after a
// title is kept, with its particles and accents, but weekdays, months,
// numbers and lower-case words the tagger read as proper nouns are not
// part of it. Sentences marked (WCEP) are from Wikipedia's Current events
// portal (CC BY-SA 4.0), where these were coded as actors before.
func TestActorNames(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // the sentence's actors, pronouns left out
	}{
		{"WeekdayAfterName", "Rebels will meet with Nigerian president Olusegun Obasanjo Friday. (WCEP)",
			[]string{"Rebels", "Nigerian president Olusegun Obasanjo"}},
		{"NumberBeforeRoleNoun", "Seven fighters are killed and 13 others are injured in a strike on a Popular Mobilization Forces base in Al Anbar Governorate, Iraq. (WCEP)",
			[]string{"fighters", "Popular Mobilization Forces", "Al Anbar Governorate", "Iraq"}},
		{"NumberBeforeDemonym", "Eleven Palestinians are killed in an Israeli airstrike.",
			[]string{"Palestinians"}},
		{"LowerCaseWordTaggedNNP", "The Bush administration brings back the one year Treasury bill in order to cope with rising budget deficits. (WCEP)",
			[]string{"Bush administration", "Treasury"}},
		{"ParticleAndHyphen", "Iraqi Prime Minister Nouri al-Maliki visits Iran.",
			[]string{"Iraqi Prime Minister Nouri al-Maliki", "Iran"}},
		{"AccentedCapitals", "Montenegrin Prime Minister Željko Šturanović signs an agreement with the European Union.",
			[]string{"Montenegrin Prime Minister Željko Šturanović", "the European Union"}},
	}
	p := pipeline(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := strings.TrimSuffix(tt.text, " (WCEP)")
			a, err := ingest.ParseArticle("t", "t.txt", []byte(" date 2024-03-14 "+text+"\n"))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, st := range p.Explain(a) {
				for _, at := range st.Actors {
					if at.Via == "" {
						got = append(got, at.Text)
					}
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("%q\n got: %q\nwant: %q", text, got, tt.want)
			}
		})
	}
}
