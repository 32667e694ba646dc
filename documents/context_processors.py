from documents.permissions import can_manage_documents


def navigation(request):
    return {"nav_can_manage_documents": can_manage_documents(user=request.user)}
