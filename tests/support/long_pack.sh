#!/usr/bin/env bash
# long_pack.sh DIR — writes the sources (CSV files) of a fictional pack that stretches the
# layouts: 40 success stories (short to very long, some without a year, some with a photo),
# long texts with their Serbian Cyrillic written out, long programme names, and empty sections
# (no members, no missions, countries or partner clusters). The contact gives no phone, e-mail
# or web address. Build it with `facts-kiosk pack build DIR -o PACK`. Every name is fictional
# (Example Brand, example.org); nothing here is about the FACTS cluster.
set -euo pipefail
dir=${1:?usage: long_pack.sh DIR}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$dir/images"
cp "$here/../render/fixture/images/example-logo.png" "$dir/images/example-photo.png"

# One sentence in English, Serbian Latin and Serbian Cyrillic; N copies of it joined make a long text.
EN="Example Brand showed a new collection of fictional garments at an example fair, met buyers from several example countries and agreed on a pilot order that the tests use to see how a long text wraps."
LATN="Primer brenda je prikazao novu kolekciju izmišljene odeće na primer sajmu, upoznao kupce iz nekoliko primer zemalja i dogovorio probnu porudžbinu na kojoj testovi proveravaju prelom dugog teksta."
CYRL="Пример бренда је приказао нову колекцију измишљене одеће на пример сајму, упознао купце из неколико пример земаља и договорио пробну поруџбину на којој тестови проверавају прелом дугог текста."
repeat() { # TEXT N
  local out="" i
  for ((i = 0; i < $2; i++)); do out+="${out:+ }$1"; done
  printf '%s' "$out"
}
q() { printf '"%s"' "${1//\"/\"\"}"; } # one CSV field, quoted

cat >"$dir/pack.csv" <<'CSV'
version,title_en,title_sr_latn,title_sr_cyrl,created_at
3,Long Example Pack,Dugi primer paketa,,2026-02-03
CSV
cat >"$dir/theme.csv" <<'CSV'
background,surface,text,muted,accent,accent_text
#15141A,#211F27,#F4F0E8,#A8A29A,#C9A45C,#15141A
CSV
{
  echo "name_en,name_sr_latn,name_sr_cyrl,short_name,founded,city_en,city_sr_latn,vision_en,vision_sr_latn,vision_sr_cyrl,action_plan_en,action_plan_sr_latn,action_plan_sr_cyrl,why_partner_en,why_partner_sr_latn,why_partner_sr_cyrl,logo"
  echo "Example Apparel and Textile Cluster of the Example Region,Primer klastera odeće i tekstila primer regiona,Пример кластера одеће и текстила пример региона,EXAMPLE,2010-04-05,Example City,Primer grad,$(q "$(repeat "$EN" 4)"),$(q "$(repeat "$LATN" 4)"),$(q "$(repeat "$CYRL" 4)"),$(q "$(repeat "$EN" 3)"),$(q "$(repeat "$LATN" 3)"),$(q "$(repeat "$CYRL" 3)"),$(q "$(repeat "$EN" 5)"),$(q "$(repeat "$LATN" 5)"),$(q "$(repeat "$CYRL" 5)"),"
} >"$dir/organisation.csv"
{
  echo "id,kind,text_en,text_sr_latn,text_sr_cyrl"
  for i in 1 2 3 4 5; do
    echo "goal-$i,objective,$(q "$(repeat "$EN" $((i % 3 + 1)))"),$(q "$(repeat "$LATN" $((i % 3 + 1)))"),$(q "$(repeat "$CYRL" $((i % 3 + 1)))")"
  done
  for i in 1 2 3; do
    echo "sector-$i,sector,Example sector number $i with a long name,Primer sektora broj $i sa dugim imenom,"
  done
  for i in 1 2 3; do
    echo "service-$i,service,$(q "$(repeat "$EN" 1)"),$(q "$(repeat "$LATN" 1)"),$(q "$(repeat "$CYRL" 1)")"
  done
} >"$dir/about_items.csv"
cat >"$dir/figures.csv" <<'CSV'
id,value_en,value_sr_latn,label_en,label_sr_latn,show_from,show_until
members,40+,40+,example members in the example region and the countries around it,primer članova u primer regionu i zemljama oko njega,,
years,15,15,years of examples,godina primera,,
CSV
echo "id,name,kind,logo,website,description_en,description_sr_latn,show_from,show_until" >"$dir/members.csv"
echo "id,name_en,name_sr_latn,target" >"$dir/countries.csv"
echo "id,kind,destination_en,destination_sr_latn,purpose_en,purpose_sr_latn,show_from,show_until" >"$dir/missions.csv"
echo "id,name,country" >"$dir/partner_clusters.csv"
{
  echo "id,name_en,name_sr_latn,name_sr_cyrl,funder_en,funder_sr_latn,funder_sr_cyrl,years,scope"
  for i in 1 2 3 4 5; do
    echo "programme-$i,Example Programme $i for the Development of Competitiveness and Innovation of Small and Medium Example Enterprises in the Textile and Apparel Industry,Primer programa $i za razvoj konkurentnosti i inovativnosti malih i srednjih primer preduzeća u industriji tekstila i odeće,Пример програма $i за развој конкурентности и иновативности малих и средњих пример предузећа у индустрији текстила и одеће,Example Agency for Regional Development,Primer agencije za regionalni razvoj,Пример агенције за регионални развој,201$i-201$((i + 2)),$([ $((i % 2)) = 0 ] && echo international || echo national)"
  done
} >"$dir/programmes.csv"
cat >"$dir/contacts.csv" <<'CSV'
id,role_en,role_sr_latn,role_sr_cyrl,name,email,phone,web,address_en,address_sr_latn,address_sr_cyrl
manager,Example Cluster Manager,Primer menadžera klastera,Пример менаџера кластера,,,,,Example City,Primer grad,Пример град
CSV
{
  echo "id,title_en,title_sr_latn,title_sr_cyrl,place_en,place_sr_latn,place_sr_cyrl,years,body_en,body_sr_latn,body_sr_cyrl,photo,show_from,show_until"
  for i in $(seq -w 1 40); do
    n=$((10#$i))
    sentences=$(( (n % 4 == 0) ? 1 : (n % 4 == 1) ? 3 : (n % 4 == 2) ? 8 : 24 ))
    years=$(( (n % 5 == 0) ? 0 : 2000 + n ))
    [ "$years" = 0 ] && years=''
    photo=$([ $((n % 6)) = 1 ] && echo example-photo.png || true)
    if [ $((n % 3)) = 0 ]; then
      title_en="Example Brand at the International Example Fair of Textile, Fashion and Apparel Design number $n"
      title_latn="Primer brenda na Međunarodnom primer sajmu tekstila, mode i dizajna odeće broj $n"
      title_cyrl="Пример бренда на Међународном пример сајму текстила, моде и дизајна одеће број $n"
    else
      title_en="Example story $n"
      title_latn="Primer priče $n"
      title_cyrl="Пример приче $n"
    fi
    echo "story-$i,$(q "$title_en"),$(q "$title_latn"),$(q "$title_cyrl"),Example City,Primer grad,Пример град,$years,$(q "$(repeat "$EN" $sentences)"),$(q "$(repeat "$LATN" $sentences)"),$(q "$(repeat "$CYRL" $sentences)"),$photo,,"
  done
} >"$dir/stories.csv"
