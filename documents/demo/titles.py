"""The demo documents' titles in Arabic and French (written for the demo): the pages in those
languages show them, and fall back to the English original where none is given here."""

TITLES = {
    "Draft agenda of the 44th meeting": {
        "ar": "مشروع جدول أعمال الاجتماع الرابع والأربعين",
        "fr": "Projet d'ordre du jour de la 44e réunion",
    },
    "Outcome of the General Assembly's WSIS+20 review (A/RES/80/173): briefing": {
        "ar": "نتائج استعراض الجمعية العامة للقمة العالمية لمجتمع المعلومات+20 "
        "(A/RES/80/173): إحاطة",
        "fr": "Résultats de l'examen SMSI+20 par l'Assemblée générale (A/RES/80/173): exposé",
    },
    "Proposed structure of the gap analysis for Council 2026": {
        "ar": "الهيكل المقترح لتحليل الثغرات لدورة المجلس لعام 2026",
        "fr": "Structure proposée de l'analyse des lacunes pour le Conseil 2026",
    },
    "Mapping the WSIS+20 outcome to ITU's current mandates": {
        "ar": "مطابقة نتائج القمة+20 مع الولايات الحالية للاتحاد",
        "fr": "Mise en correspondance des résultats du SMSI+20 et des mandats actuels de l'UIT",
    },
    "Priorities for ITU after the WSIS+20 review": {
        "ar": "أولويات الاتحاد بعد استعراض القمة+20",
        "fr": "Priorités de l'UIT après l'examen SMSI+20",
    },
    "Views of Arab States on the follow-up of WSIS+20": {
        "ar": "آراء الدول العربية بشأن متابعة القمة+20",
        "fr": "Points de vue des États arabes sur le suivi du SMSI+20",
    },
    "Digital transformation in Africa and the WSIS agenda": {
        "ar": "التحول الرقمي في أفريقيا وبرنامج عمل القمة",
        "fr": "La transformation numérique en Afrique et le programme du SMSI",
    },
    "Elements for a revision of Council Resolution 1332": {
        "ar": "عناصر لمراجعة قرار المجلس 1332",
        "fr": "Éléments pour une révision de la Résolution 1332 du Conseil",
    },
    "Updating Resolution 140 after the WSIS+20 review": {
        "ar": "تحديث القرار 140 بعد استعراض القمة+20",
        "fr": "Mise à jour de la Résolution 140 après l'examen SMSI+20",
    },
    "Data for the WSIS indicators: a sector member's experience": {
        "ar": "بيانات مؤشرات القمة: تجربة أحد أعضاء القطاعات",
        "fr": "Données pour les indicateurs du SMSI: l'expérience d'un Membre de Secteur",
    },
    "Draft report of the group to Council 2026": {
        "ar": "مشروع تقرير الفريق إلى دورة المجلس لعام 2026",
        "fr": "Projet de rapport du Groupe au Conseil 2026",
    },
    "Views on the road to 2035": {
        "ar": "آراء بشأن الطريق إلى عام 2035",
        "fr": "Points de vue sur la voie vers 2035",
    },
    "List of participants of the 44th meeting": {
        "ar": "قائمة المشاركين في الاجتماع الرابع والأربعين",
        "fr": "Liste des participants à la 44e réunion",
    },
    "Preparations for the WSIS Forum 2026": {
        "ar": "التحضيرات لمنتدى القمة لعام 2026",
        "fr": "Préparatifs du Forum du SMSI 2026",
    },
    "Calendar of WSIS-related events in 2026": {
        "ar": "جدول الأحداث المتعلقة بالقمة في عام 2026",
        "fr": "Calendrier des manifestations liées au SMSI en 2026",
    },
    "Summary of the 44th meeting by the Chair": {
        "ar": "ملخص الرئيسة للاجتماع الرابع والأربعين",
        "fr": "Résumé de la 44e réunion par la Présidente",
    },
    "Draft agenda of the 43rd meeting": {
        "ar": "مشروع جدول أعمال الاجتماع الثالث والأربعين",
        "fr": "Projet d'ordre du jour de la 43e réunion",
    },
    "ITU contributions to the WSIS+20 review: progress report": {
        "ar": "مساهمات الاتحاد في استعراض القمة+20: تقرير مرحلي",
        "fr": "Contributions de l'UIT à l'examen SMSI+20: rapport d'activité",
    },
    "Results of the call for inputs on the WSIS+20 review": {
        "ar": "نتائج الدعوة لتقديم المساهمات بشأن استعراض القمة+20",
        "fr": "Résultats de l'appel à contributions sur l'examen SMSI+20",
    },
    "Proposals for ITU's input to the WSIS+20 outcome": {
        "ar": "مقترحات بشأن مساهمة الاتحاد في نتائج القمة+20",
        "fr": "Propositions pour la contribution de l'UIT aux résultats du SMSI+20",
    },
    "List of participants of the 43rd meeting": {
        "ar": "قائمة المشاركين في الاجتماع الثالث والأربعين",
        "fr": "Liste des participants à la 43e réunion",
    },
}
