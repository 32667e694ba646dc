from followup.permissions import can_see_actions


def navigation(request):
    return {"nav_can_follow_up": can_see_actions(user=request.user)}
