"""The demo agenda items' titles in the other five languages (written for the demo)."""

AGENDA_TITLES = {
    "Opening of the meeting": {
        "ar": "افتتاح الاجتماع",
        "zh": "会议开幕",
        "fr": "Ouverture de la réunion",
        "ru": "Открытие собрания",
        "es": "Apertura de la reunión",
    },
    "Adoption of the agenda": {
        "ar": "اعتماد جدول الأعمال",
        "zh": "通过议程",
        "fr": "Adoption de l'ordre du jour",
        "ru": "Утверждение повестки дня",
        "es": "Adopción del orden del día",
    },
    "ITU contribution to the WSIS+20 review": {
        "ar": "مساهمة الاتحاد في استعراض القمة العالمية لمجتمع المعلومات+20",
        "zh": "国际电联对信息社会世界峰会+20审查的贡献",
        "fr": "Contribution de l'UIT à l'examen SMSI+20",
        "ru": "Вклад МСЭ в обзор ВВУИО+20",
        "es": "Contribución de la UIT al examen de la CMSI+20",
    },
    "Results of the call for inputs on the WSIS+20 review": {
        "ar": "نتائج الدعوة لتقديم المساهمات بشأن استعراض القمة+20",
        "zh": "关于信息社会世界峰会+20审查的意见征集结果",
        "fr": "Résultats de l'appel à contributions sur l'examen SMSI+20",
        "ru": "Итоги сбора материалов для обзора ВВУИО+20",
        "es": "Resultados de la convocatoria de aportaciones sobre el examen de la CMSI+20",
    },
    "Implementation of Council Resolutions 1332 and 1334": {
        "ar": "تنفيذ قراري المجلس 1332 و1334",
        "zh": "理事会第1332号和第1334号决议的执行情况",
        "fr": "Mise en œuvre des Résolutions 1332 et 1334 du Conseil",
        "ru": "Выполнение резолюций 1332 и 1334 Совета",
        "es": "Aplicación de las Resoluciones 1332 y 1334 del Consejo",
    },
    "Any other business": {
        "ar": "ما يستجد من أعمال",
        "zh": "其他事项",
        "fr": "Questions diverses",
        "ru": "Разное",
        "es": "Otros asuntos",
    },
    "Outcome of the General Assembly's WSIS+20 review (A/RES/80/173)": {
        "ar": "نتائج استعراض الجمعية العامة للقمة+20 (A/RES/80/173)",
        "zh": "联合国大会信息社会世界峰会+20审查的成果（A/RES/80/173）",
        "fr": "Résultats de l'examen SMSI+20 par l'Assemblée générale (A/RES/80/173)",
        "ru": "Итоги обзора ВВУИО+20 Генеральной Ассамблеей (A/RES/80/173)",
        "es": "Resultado del examen de la CMSI+20 por la Asamblea General (A/RES/80/173)",
    },
    "Gap analysis of current mandates for Council 2026": {
        "ar": "تحليل الثغرات في الولايات الحالية لدورة المجلس لعام 2026",
        "zh": "为2026年理事会开展的现行任务差距分析",
        "fr": "Analyse des lacunes des mandats actuels pour le Conseil 2026",
        "ru": "Анализ пробелов в действующих мандатах для сессии Совета 2026 года",
        "es": "Análisis de las carencias de los mandatos actuales para el Consejo de 2026",
    },
    "WSIS action lines and the SDGs: reports of ITU": {
        "ar": "خطوط عمل القمة وأهداف التنمية المستدامة: تقارير الاتحاد",
        "zh": "信息社会世界峰会行动方面和可持续发展目标：国际电联的报告",
        "fr": "Grandes orientations du SMSI et ODD: rapports de l'UIT",
        "ru": "Направления деятельности ВВУИО и ЦУР: отчеты МСЭ",
        "es": "Líneas de acción de la CMSI y ODS: informes de la UIT",
    },
    "Dates of the next meeting and any other business": {
        "ar": "موعد الاجتماع القادم وما يستجد من أعمال",
        "zh": "下次会议日期和其他事项",
        "fr": "Dates de la prochaine réunion et questions diverses",
        "ru": "Сроки следующего собрания и разное",
        "es": "Fechas de la próxima reunión y otros asuntos",
    },
    "Follow-up of the WSIS+20 outcome (A/RES/80/173)": {
        "ar": "متابعة نتائج القمة+20 (A/RES/80/173)",
        "zh": "信息社会世界峰会+20成果的后续行动（A/RES/80/173）",
        "fr": "Suivi des résultats du SMSI+20 (A/RES/80/173)",
        "ru": "Последующие действия по итогам ВВУИО+20 (A/RES/80/173)",
        "es": "Seguimiento del resultado de la CMSI+20 (A/RES/80/173)",
    },
    "Gap analysis of current mandates: draft for Council 2026": {
        "ar": "تحليل الثغرات في الولايات الحالية: مشروع لدورة المجلس لعام 2026",
        "zh": "现行任务差距分析：提交2026年理事会的草案",
        "fr": "Analyse des lacunes des mandats actuels: projet pour le Conseil 2026",
        "ru": "Анализ пробелов в действующих мандатах: проект для сессии Совета 2026 года",
        "es": "Análisis de las carencias de los mandatos actuales: "
        "proyecto para el Consejo de 2026",
    },
}
