/* ui_text.c — the kiosk's own words; see ui_text.h. Serbian is awaiting review by the
 * cluster, like the Serbian content (data/README.md). */
#include "core/ui_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const TEXTS[UI_TEXT_COUNT][LANG_COUNT] = {
    [UI_SECTION_ABOUT] = {"About", "O klasteru", "О кластеру"},
    [UI_SECTION_MEMBERS] = {"Members", "Članovi", "Чланови"},
    [UI_SECTION_STORIES] = {"Success stories", "Priče o uspehu", "Приче о успеху"},
    [UI_SECTION_COOPERATION] = {"Cooperation", "Saradnja", "Сарадња"},
    [UI_SECTION_CONTACT] = {"Contact", "Kontakt", "Контакт"},
    [UI_VISION] = {"Our vision", "Naša vizija", "Наша визија"},
    [UI_OBJECTIVES] = {"Objectives", "Ciljevi", "Циљеви"},
    [UI_KEY_FIGURES] = {"Key figures", "Ključni podaci", "Кључни подаци"},
    [UI_PROFILE] = {"Focus and networks", "Oblasti i mreže", "Области и мреже"},
    [UI_SERVICES] = {"Support for members", "Podrška članovima", "Подршка члановима"},
    [UI_WHY_PARTNER] = {"Why partner with us", "Zašto sarađivati sa nama", "Зашто сарађивати са нама"},
    [UI_ACTION_PLAN] = {"Action plan", "Akcioni plan", "Акциони план"},
    [UI_MEMBER_BRANDS] = {"Member companies and organisations", "Članice klastera", "Чланице кластера"},
    [UI_TRADE_MISSIONS] = {"Trade missions and B2B meetings", "Trgovinske misije i B2B sastanci",
                           "Трговинске мисије и B2B састанци"},
    [UI_TARGET_COUNTRIES] = {"Target countries", "Ciljne zemlje", "Циљне земље"},
    [UI_PARTNER_CLUSTERS] = {"Partner clusters", "Partnerski klasteri", "Партнерски кластери"},
    [UI_PROGRAMMES] = {"Funded support programmes", "Programi podrške", "Програми подршке"},
    [UI_FOUNDED] = {"Founded", "Osnovan", "Основан"},
    [UI_SECTORS] = {"Sector", "Sektor", "Сектор"},
    [UI_TECHNOLOGY] = {"Technology fields", "Tehnološke oblasti", "Технолошке области"},
    [UI_S3_PRIORITIES] = {"S3 priority areas", "S3 prioritetne oblasti", "S3 приоритетне области"},
    [UI_EMERGING] = {"Emerging industries", "Nove industrije", "Нове индустрије"},
    [UI_SPECIALISATION] = {"Specialisation", "Specijalizacija", "Специјализација"},
    [UI_NETWORKS] = {"Networks", "Mreže", "Мреже"},
    [UI_SERVICE_DETAILS] = {"In practice", "U praksi", "У пракси"},
    [UI_MEMBER_SME] = {"SME", "MSP", "МСП"},
    [UI_MEMBER_LARGER] = {"Larger company", "Veliko preduzeće", "Велико предузеће"},
    [UI_MEMBER_RESEARCH] = {"Research organisation", "Istraživačka organizacija", "Истраживачка организација"},
    [UI_MEMBER_OTHER] = {"Ecosystem partner", "Partner ekosistema", "Партнер екосистема"},
    [UI_MISSION_TRADE] = {"Trade mission", "Trgovinska misija", "Трговинска мисија"},
    [UI_MISSION_B2B] = {"B2B meetings", "B2B sastanci", "B2B састанци"},
    [UI_SCOPE_NATIONAL] = {"National", "Nacionalni", "Национални"},
    [UI_SCOPE_INTERNATIONAL] = {"International", "Međunarodni", "Међународни"},
    [UI_TARGET_INTERNATIONAL] = {"International cooperation", "Međunarodna saradnja", "Међународна сарадња"},
    [UI_TARGET_TRANSNATIONAL] = {"Trans-national cooperation", "Transnacionalna saradnja",
                                 "Транснационална сарадња"},
    [UI_TOUCH_TO_EXPLORE] = {"Touch the screen to explore", "Dodirnite ekran i istražite", "Додирните екран и истражите"},
    [UI_BACK] = {"Back", "Nazad", "Назад"},
    [UI_WEBSITE] = {"Website", "Veb-sajt", "Веб-сајт"},
    [UI_SCAN_TO_SAVE] = {"Scan to save", "Skenirajte i sačuvajte", "Скенирајте и сачувајте"},
    [UI_NO_CONTENT] = {"Content is not available right now", "Sadržaj trenutno nije dostupan",
                       "Садржај тренутно није доступан"},
    [UI_NO_CONTENT_HINT] = {"Please ask the booth staff for help.", "Molimo obratite se osoblju štanda.",
                            "Молимо обратите се особљу штанда."},
    [UI_PACK_FALLBACK] = {"Showing the bundled content", "Prikazuje se ugrađeni sadržaj",
                          "Приказује се уграђени садржај"},
    [UI_CITY] = {"City", "Grad", "Град"},
    [UI_UPDATE_TITLE] = {"Updating the content", "Ažuriranje sadržaja", "Ажурирање садржаја"},
    [UI_UPDATE_COPYING] = {"Copying from the USB stick…", "Kopiranje sa USB-a…", "Копирање са USB-а…"},
    [UI_UPDATE_VERIFYING] = {"Checking the signature…", "Provera potpisa…", "Провера потписа…"},
    [UI_UPDATE_CHECKING] = {"Checking the content…", "Provera sadržaja…", "Провера садржаја…"},
    [UI_UPDATE_INSTALLING] = {"Installing…", "Instaliranje…", "Инсталирање…"},
    [UI_UPDATE_FAILED] = {"Update failed: the new content could not be opened",
                          "Ažuriranje nije uspelo: novi sadržaj ne može da se otvori",
                          "Ажурирање није успело: нови садржај не може да се отвори"},
    [UI_ACHIEVEMENTS] = {"Achievements and presentations", "Dostignuća i prezentacije", "Достигнућа и презентације"},
};

static const char *const MONTHS[LANG_COUNT][12] = {
    {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December"},
    {"januar", "februar", "mart", "april", "maj", "jun", "jul", "avgust", "septembar", "oktobar", "novembar",
     "decembar"},
    {"јануар", "фебруар", "март", "април", "мај", "јун", "јул", "август", "септембар", "октобар", "новембар",
     "децембар"},
};

const char *ui_text(UiText id, Lang lang)
{
    if ((int)id < 0 || id >= UI_TEXT_COUNT || (int)lang < 0 || lang >= LANG_COUNT || !TEXTS[id][lang]) {
        return "";
    }
    return TEXTS[id][lang];
}

void ui_format_date(const char *iso_date, Lang lang, char *out, size_t size)
{
    int year = 0;
    int month = 0;
    int day = 0;
    out[0] = '\0';
    if (!iso_date || sscanf(iso_date, "%4d-%2d-%2d", &year, &month, &day) != 3 || month < 1 || month > 12 ||
        (int)lang < 0 || lang >= LANG_COUNT) {
        return;
    }
    if (lang == LANG_EN) {
        snprintf(out, size, "%d %s %d", day, MONTHS[lang][month - 1], year);
    } else {
        snprintf(out, size, "%d. %s %d.", day, MONTHS[lang][month - 1], year);
    }
}
