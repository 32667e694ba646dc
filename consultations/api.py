"""This app's JSON API under /api/v1/ (Django REST framework, over the same services)."""

urlpatterns: list = []
