"""Template helpers: the `can` permission check and Vietnamese number display."""

from django import template

from units.permissions import PREDICATES

register = template.Library()


@register.simple_tag(takes_context=True)
def can(context, action, obj):
    """{% can "edit" plan.unit as may_edit %}: a named predicate from units.permissions."""
    user = context["request"].user
    return PREDICATES[action](user, obj)


@register.filter
def vn_number(value, decimals=None):
    from core.vnformat import format_number

    if value is None or value == "":
        return ""
    return format_number(value, None if decimals in (None, "") else int(decimals))


@register.filter
def vn_percent(value):
    from core.vnformat import format_percent

    return "" if value is None else format_percent(value)


@register.filter
def target_meaning(indicator):
    """Compact parsed meaning of an indicator's target ("≥ 90%"), for display next to the text."""
    from core.phrases import short_meaning

    return short_meaning(indicator.parsed_target())


@register.filter
def roman(n):
    from core.periods import roman as to_roman

    return to_roman(int(n))


@register.simple_tag
def evaluation(indicator, period):
    """{% evaluation ind period as ev %}: uses ``indicator.period_results`` prefetched by the view."""
    from indicators.assess import assess, pick_result

    results = getattr(indicator, "period_results", None)
    if results is None:
        results = indicator.results.filter(period=period)
    return assess(indicator, pick_result(results), period)
